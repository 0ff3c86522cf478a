import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from '../../src/contracts/index.ts';
import { CONTRACT_KINDS } from '../../src/model/contract-kind.ts';

test('every rule id is unique and reads as an invariant', () => {
  const seen = new Set<string>();
  for (const rule of CATALOG) {
    assert.ok(!seen.has(`${rule.kind}:${rule.id}`), `duplicate rule ${rule.kind}:${rule.id}`);
    seen.add(`${rule.kind}:${rule.id}`);
    assert.match(rule.id, /^[A-Z][A-Z0-9_]+$/, `rule id ${rule.id} is not UPPER_SNAKE`);
  }
});

test('every rule has a kind, a category and a one-sentence purpose', () => {
  for (const rule of CATALOG) {
    assert.ok((CONTRACT_KINDS as readonly string[]).includes(rule.kind), `${rule.id}: unknown kind ${rule.kind}`);
    assert.ok(rule.categories.length > 0, `${rule.id}: no category`);
    assert.match(rule.purpose, /^Checks that .+\.$/, `${rule.id}: purpose must be one sentence starting "Checks that"`);
  }
});

test('a deprecated rule names a replacement that exists', () => {
  const ids = new Set(CATALOG.map((rule) => rule.id));
  for (const rule of CATALOG) {
    if (rule.deprecated) assert.ok(ids.has(rule.deprecated.replacedBy), `${rule.id} replaced by unknown ${rule.deprecated.replacedBy}`);
  }
});
