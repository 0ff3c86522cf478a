import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openapiEngine } from '../../../src/contracts/openapi/openapi-engine.ts';
import { OPENAPI_RULES } from '../../../src/contracts/openapi/openapi-rules.ts';
import { DISCRIMINATOR_CASES, RULE_CASES as TABLE } from './rule-cases.ts';

const RULE_CASES = [...TABLE, ...DISCRIMINATOR_CASES];
import { textSource } from './support.ts';

for (const item of RULE_CASES) {
  test(`${item.rule} ${item.fires ? 'fires' : 'stays quiet'}: ${item.name}`, () => {
    const findings = openapiEngine.compare(textSource(JSON.stringify(item.before), 'a.json'), textSource(JSON.stringify(item.after), 'a.json'), item.settings ? { settings: item.settings } : {});
    const hits = findings.filter((finding) => finding.rule === item.rule);
    const seen = findings.map((finding) => `${finding.rule}: ${finding.message}`).join('\n');
    if (!item.fires) {
      assert.equal(hits.length, 0, `expected no ${item.rule}, got:\n${seen}`);
      return;
    }
    assert.equal(hits.length, 1, `expected one ${item.rule}, got:\n${seen}`);
    if (item.example !== undefined) assert.deepEqual(hits[0]!.example, item.example);
  });
}

test('every OpenAPI rule has a case where it fires and one where it stays quiet', () => {
  const missing: string[] = [];
  for (const rule of OPENAPI_RULES) {
    if (!RULE_CASES.some((item) => item.rule === rule.id && item.fires)) missing.push(`${rule.id} (fires)`);
    if (!RULE_CASES.some((item) => item.rule === rule.id && !item.fires)) missing.push(`${rule.id} (quiet)`);
  }
  assert.deepEqual(missing, []);
});
