import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiEngine } from '../../../src/contracts/openapi/openapi-engine.ts';
import { CORPUS, corpusSource } from './support.ts';

interface LabelledCase {
  readonly base: string;
  readonly rev: string;
  readonly label: 'breaking' | 'nonbreaking' | 'warn-or-info';
  readonly ids: readonly string[];
}

const cases = JSON.parse(readFileSync(join(CORPUS, 'openapi-oasdiff/cases.json'), 'utf8')) as LabelledCase[];
const rulesDoc = readFileSync(join(import.meta.dirname, '../../../docs/rules.md'), 'utf8');

test('the labelled oasdiff pairs: at least 95% verdict agreement, every disagreement documented', () => {
  const disagreements: string[] = [];
  for (const item of cases) {
    const findings = openapiEngine.compare(corpusSource(`openapi-oasdiff/${item.base}`), corpusSource(`openapi-oasdiff/${item.rev}`));
    const breaking = findings.some((finding) => finding.severity === 'breaking');
    if (breaking !== (item.label === 'breaking')) disagreements.push(`${item.base} -> ${item.rev}`);
  }
  const agreement = (cases.length - disagreements.length) / cases.length;
  assert.equal(cases.length, 69);
  assert.ok(agreement >= 0.95, `agreement ${(agreement * 100).toFixed(1)}%: ${disagreements.join('; ')}`);
  for (const pair of disagreements) assert.ok(rulesDoc.includes(pair), `disagreement ${pair} is not documented in docs/rules.md`);
});

test('findings on the corpus carry a file, a line and a fingerprint', () => {
  const findings = openapiEngine.compare(corpusSource('openapi-oasdiff/data/openapi-test1.yaml'), corpusSource('openapi-oasdiff/data/openapi-test5.yaml'));
  assert.ok(findings.length > 5);
  for (const finding of findings) {
    const where = finding.before ?? finding.after;
    assert.ok(where?.file, `${finding.rule} has no file`);
    assert.ok(typeof where?.line === 'number' && where.line > 0, `${finding.rule} has no line`);
    assert.match(finding.fingerprint, /^[0-9a-f]{16}$/);
  }
  const removed = findings.find((finding) => finding.rule === 'OPERATION_NO_DELETE' && finding.subject === 'POST /subscribe');
  assert.equal(removed?.before?.line, 175);
});
