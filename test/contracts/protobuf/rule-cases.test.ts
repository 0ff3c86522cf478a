import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protobufEngine } from '../../../src/contracts/protobuf/protobuf-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { RULE_CASES } from './rule-cases.ts';

const source = (files: Readonly<Record<string, string>>): ContractSource => ({
  kind: 'protobuf', entry: Object.keys(files).find((path) => path.endsWith('.proto'))!, files,
});

for (const ruleCase of RULE_CASES) {
  test(`rule case: ${ruleCase.name}`, () => {
    const findings = protobufEngine.compare(source(ruleCase.previous), source(ruleCase.current), { settings: ruleCase.settings });
    const got = findings.map((finding) => `${finding.rule}|${finding.after?.file ?? ''}|${finding.after?.line ?? 1}`).sort();
    const want = ruleCase.expected.map(([rule, file, line]) => `${rule}|${file ?? ''}|${line}`).sort();
    assert.deepEqual(got, want);
    for (const finding of findings) {
      assert.equal(finding.kind, 'protobuf');
      assert.match(finding.fingerprint, /^[0-9a-f]{16}$/);
      assert.ok(finding.message.length > 0);
    }
  });
}
