import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairChecker } from '../../src/decide/pair-checker.ts';
import { pairMemoKeyText, type PairMemo, type PairMemoKey } from '../../src/decide/pair-memo.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { ContractSource } from '../../src/model/contract-source.ts';

const schema = (required: string[], closed: boolean): ContractSource => ({
  kind: 'jsonschema',
  entry: 'event.json',
  files: {
    'event.json': JSON.stringify({
      type: 'object',
      required,
      properties: { id: { type: 'string' }, total: { type: 'number' } },
      ...(closed ? { additionalProperties: false } : {}),
    }),
  },
});

class MapMemo implements PairMemo {
  readonly rows = new Map<string, readonly Finding[]>();
  gets = 0;
  get(key: PairMemoKey) {
    this.gets++;
    return this.rows.get(pairMemoKeyText(key));
  }
  put(key: PairMemoKey, findings: readonly Finding[]) {
    this.rows.set(pairMemoKeyText(key), findings);
  }
}

test('a pair of contract contents is computed once, whatever objects carry them', () => {
  const memo = new MapMemo();
  const checker = new PairChecker({ memo });
  const writer = { kind: 'jsonschema' as const, contract: schema(['id'], true) };
  const first = checker.check('jsonschema', writer, { contract: schema(['id', 'total'], false) });
  assert.ok(first.some((finding) => finding.severity === 'breaking'), 'a reader requiring total cannot read a writer that may omit it');
  // Equal content in fresh objects: same key, no recomputation.
  const again = checker.check('jsonschema', { kind: 'jsonschema', contract: schema(['id'], true) }, { contract: schema(['id', 'total'], false) });
  assert.deepEqual(again, first);
  assert.equal(checker.stats.computed, 1);
  assert.equal(checker.stats.memoryHits, 1);
  assert.equal(memo.rows.size, 1);

  // A new process with the same persistent memo reads the result instead of computing it.
  const restarted = new PairChecker({ memo });
  assert.deepEqual(restarted.check('jsonschema', writer, { contract: schema(['id', 'total'], false) }), first);
  assert.equal(restarted.stats.computed, 0);
  assert.equal(restarted.stats.persistentHits, 1);
});

test('another engine version does not trust old results', () => {
  const memo = new MapMemo();
  const writer = { kind: 'jsonschema' as const, contract: schema(['id'], true) };
  new PairChecker({ memo, engineVersion: () => 'v1' }).check('jsonschema', writer, { contract: schema(['id'], false) });
  const next = new PairChecker({ memo, engineVersion: () => 'v2' });
  next.check('jsonschema', writer, { contract: schema(['id'], false) });
  assert.equal(next.stats.computed, 1);
  assert.equal(memo.rows.size, 2);
});

test('an unreadable contract throws every time and is never memoised', () => {
  const memo = new MapMemo();
  const checker = new PairChecker({ memo });
  const broken = { kind: 'jsonschema' as const, contract: { kind: 'jsonschema' as const, entry: 'x.json', files: { 'x.json': '{ not json' } } };
  assert.throws(() => checker.check('jsonschema', broken, { contract: schema(['id'], false) }));
  assert.throws(() => checker.check('jsonschema', broken, { contract: schema(['id'], false) }));
  assert.equal(memo.rows.size, 0);
});

test('compare treats a new or dropped format as breaking for readers without expectations', () => {
  const checker = new PairChecker();
  const xml = { kind: 'jsonschema' as const, formats: { 'application/xml': schema(['id'], true) } };
  const json = { kind: 'jsonschema' as const, formats: { 'application/json': schema(['id'], true) } };
  const findings = checker.compare('jsonschema', xml, json);
  assert.deepEqual(findings.map((finding) => finding.rule), ['FORMAT_SET_UNCHANGED']);
  assert.deepEqual(checker.compare('jsonschema', xml, xml), []);
});
