import { test } from 'node:test';
import assert from 'node:assert/strict';
import avro from 'avsc';
import { AVRO_ENGINE } from '../../../src/contracts/avro/avro-engine.ts';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { AVRO_CASES } from './resolution-cases.ts';

export function avroSource(schema: unknown, files: Record<string, unknown> = {}): ContractSource {
  return { kind: 'avro', entry: 'event.avsc', files: { 'event.avsc': JSON.stringify(schema, null, 2), ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, JSON.stringify(v, null, 2)])) } };
}

for (const testCase of AVRO_CASES) {
  test(`avro: ${testCase.name}`, () => {
    const findings = AVRO_ENGINE.satisfies(avroSource(testCase.writer), { contract: avroSource(testCase.reader) });
    const verdict = findings.some((f) => f.severity === 'breaking') ? 'break' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'ok';
    const summary = findings.map((f) => `${f.severity} ${f.rule} ${f.subject}`).join('\n');
    assert.equal(verdict, testCase.expect, summary);
    if (testCase.rules) assert.deepEqual(findings.map((f) => f.rule).sort(), [...testCase.rules].sort(), summary);
    for (const finding of findings) assert.ok(finding.before?.file === 'event.avsc' || finding.after?.file === 'event.avsc', `${finding.rule} is located`);
    // avsc agrees on whether the data can be read at all
    const resolves = (() => {
      try {
        avro.Type.forSchema(testCase.reader as avro.Schema).createResolver(avro.Type.forSchema(testCase.writer as avro.Schema));
        return true;
      } catch {
        return false;
      }
    })();
    assert.equal(resolves, verdict !== 'break', `avsc ${resolves ? 'resolves' : 'does not resolve'} but the verdict is ${verdict}`);
  });
}

test('avro: findings carry the line of the reader field', () => {
  const writer = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] };
  const reader = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }, { name: 'qty', type: 'int' }] };
  const [finding] = AVRO_ENGINE.satisfies(avroSource(writer), { contract: avroSource(reader) });
  assert.equal(finding?.rule, 'FIELD_DEFAULT_REQUIRED');
  assert.equal(finding?.after?.pointer, '/fields/1');
  assert.equal(finding?.after?.line, 9);
});

test('avro: named types from another file of the source', () => {
  const files = { 'money.avsc': { type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'long' }] } };
  const writer = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'total', type: 'Money' }] };
  assert.deepEqual(AVRO_ENGINE.satisfies(avroSource(writer, files), { contract: avroSource(writer, files) }), []);
  const narrower = { 'money.avsc': { type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'int' }] } };
  const findings = AVRO_ENGINE.satisfies(avroSource(writer, files), { contract: avroSource(writer, narrower) });
  assert.deepEqual(findings.map((f) => [f.rule, f.subject, f.after?.file]), [['FIELD_TYPE_PROMOTABLE', 'shop.Order.total.cents', 'money.avsc']]);
});

test('avro: invalid schemas are located ContractErrors', () => {
  for (const bad of [{ type: 'record', name: 'A' }, { type: 'enum', name: 'E', symbols: ['A'], default: 'B' }, { type: 'nope' }, { type: 'record', name: 'A', fields: [{ name: 'x', type: 'Missing' }] }]) {
    assert.throws(() => AVRO_ENGINE.validate(avroSource(bad)), (error: unknown) => error instanceof ContractError && error.location.file === 'event.avsc');
  }
  assert.throws(() => AVRO_ENGINE.validate({ kind: 'avro', entry: 'event.avsc', files: { 'event.avsc': '{"type": "record",\n  "name": ' } }), (error: unknown) => error instanceof ContractError && error.location.line !== undefined);
});

test('avro: compare is BACKWARD by default, FORWARD and FULL on request', () => {
  const v1 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] };
  const v2 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }, { name: 'qty', type: 'int' }] };
  assert.deepEqual(AVRO_ENGINE.compare(avroSource(v1), avroSource(v2)).map((f) => f.rule), ['FIELD_DEFAULT_REQUIRED']);
  assert.deepEqual(AVRO_ENGINE.compare(avroSource(v1), avroSource(v2), { settings: { mode: 'FORWARD' } }), []);
  assert.deepEqual(AVRO_ENGINE.compare(avroSource(v2), avroSource(v1), { settings: { mode: 'FORWARD' } }).map((f) => f.rule), ['FIELD_DEFAULT_REQUIRED']);
  assert.equal(AVRO_ENGINE.compare(avroSource(v1), avroSource(v2), { settings: { mode: 'FULL' } }).length, 1);
});
