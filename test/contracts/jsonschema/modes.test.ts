import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkModes } from '../../../src/contracts/modes.ts';
import { JSON_SCHEMA_ENGINE } from '../../../src/contracts/jsonschema/jsonschema-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/stepwise.js', import.meta.url));
function runCli(args: string[], options: { cwd: string }): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, STEPWISE_URL: '', STEPWISE_TOKEN: '' } });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const avro = (fields: unknown[], name = 'v.avsc'): ContractSource => ({ kind: 'avro', entry: name, files: { [name]: JSON.stringify({ type: 'record', name: 'Order', fields }) } });
const json = (schema: unknown, name = 'v.json'): ContractSource => ({ kind: 'jsonschema', entry: name, files: { [name]: JSON.stringify(schema) } });

const id = { name: 'id', type: 'string' };
const qtyDefault = { name: 'qty', type: 'int', default: 0 };
const qty = { name: 'qty', type: 'int' };

/** [versions, mode, compatible?, pairs that break as "older-newer"] */
const TABLE: [string, ContractSource[], string, string[]][] = [
  ['field added with default', [avro([id]), avro([id, qtyDefault])], 'BACKWARD', []],
  ['field added without default', [avro([id]), avro([id, qty])], 'BACKWARD', ['0-1']],
  ['default dropped later: BACKWARD passes', [avro([id]), avro([id, qtyDefault]), avro([id, qty])], 'BACKWARD', []],
  ['default dropped later: BACKWARD_TRANSITIVE fails against v1', [avro([id]), avro([id, qtyDefault]), avro([id, qty])], 'BACKWARD_TRANSITIVE', ['0-2']],
  ['field without default removed: FORWARD fails', [avro([id, qty]), avro([id])], 'FORWARD', ['0-1']],
  ['field without default removed: BACKWARD passes', [avro([id, qty]), avro([id])], 'BACKWARD', []],
  ['default added then field removed: FORWARD passes', [avro([id, qty]), avro([id, qtyDefault]), avro([id])], 'FORWARD', []],
  ['default added then field removed: FORWARD_TRANSITIVE fails', [avro([id, qty]), avro([id, qtyDefault]), avro([id])], 'FORWARD_TRANSITIVE', ['0-2']],
  ['FULL needs both directions', [avro([id]), avro([id, qty])], 'FULL', ['0-1']],
  ['FULL with defaults both ways', [avro([id]), avro([id, qtyDefault])], 'FULL', []],
  ['FULL_TRANSITIVE over three', [avro([id, qty]), avro([id, qtyDefault]), avro([id])], 'FULL_TRANSITIVE', ['0-2']],
  ['NONE checks nothing', [avro([id]), avro([{ name: 'id', type: 'int' }])], 'NONE', []],
  [
    'JSON Schema closed model gains a property: BACKWARD passes',
    [json({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }), json({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false })],
    'BACKWARD',
    [],
  ],
  [
    'JSON Schema closed model gains a property: FORWARD fails',
    [json({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }), json({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false })],
    'FORWARD',
    ['0-1'],
  ],
  [
    'JSON Schema enum narrowed then widened: transitive sees it',
    [json({ enum: ['a', 'b'] }), json({ enum: ['a', 'b', 'c'] }), json({ enum: ['a', 'c'] })],
    'BACKWARD_TRANSITIVE',
    ['0-2', '1-2'],
  ],
];

for (const [name, versions, mode, broken] of TABLE) {
  test(`modes: ${name}`, () => {
    const result = checkModes(versions[0]!.kind, versions, mode);
    const breaking = [...new Set(result.pairs.filter((p) => p.findings.some((f) => f.severity === 'breaking')).map((p) => `${p.older}-${p.newer}`))].sort();
    assert.deepEqual(breaking, broken);
    assert.equal(result.compatible, broken.length === 0);
    for (const finding of result.findings) assert.deepEqual((finding.details as { versions: number[] }).versions.length, 2);
  });
}

test('modes: the pairs checked per mode', () => {
  const versions = [avro([id]), avro([id]), avro([id]), avro([id])];
  assert.equal(checkModes('avro', versions, 'BACKWARD').pairs.length, 3);
  assert.equal(checkModes('avro', versions, 'BACKWARD_TRANSITIVE').pairs.length, 6);
  assert.equal(checkModes('avro', versions, 'FULL_TRANSITIVE').pairs.length, 12);
  assert.throws(() => checkModes('avro', versions, 'SIDEWAYS'), /unknown compatibility mode/);
  assert.throws(() => checkModes('avro', [avro([id])], 'BACKWARD'), /at least two versions/);
});

test('modes: JSON Schema compare honours settings.mode and defaults to BACKWARD', () => {
  const v1 = json({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false });
  const v2 = json({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, additionalProperties: false });
  assert.deepEqual(JSON_SCHEMA_ENGINE.compare(v1, v2), []);
  assert.deepEqual(JSON_SCHEMA_ENGINE.compare(v1, v2, { settings: { mode: 'FORWARD' } }).map((f) => f.rule), ['PROPERTY_NO_DELETE']);
  assert.deepEqual(JSON_SCHEMA_ENGINE.compare(v1, v2, { settings: { mode: 'FULL' } }).map((f) => f.rule), ['PROPERTY_NO_DELETE']);
});

test('modes: stepwise diff v1 v2 v3 --mode BACKWARD_TRANSITIVE (real binary)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-modes-'));
  try {
    const write = (name: string, fields: unknown[]) => writeFileSync(join(dir, name), JSON.stringify({ type: 'record', name: 'Order', fields }, null, 2));
    write('v1.avsc', [id]);
    write('v2.avsc', [id, qtyDefault]);
    write('v3.avsc', [id, qty]);
    const plain = runCli(['diff', 'v1.avsc', 'v2.avsc', 'v3.avsc', '--mode', 'BACKWARD', '--json'], { cwd: dir });
    assert.equal(plain.code, 0, plain.stderr);
    const transitive = runCli(['diff', 'v1.avsc', 'v2.avsc', 'v3.avsc', '--mode', 'BACKWARD_TRANSITIVE', '--json'], { cwd: dir });
    assert.equal(transitive.code, 1, transitive.stderr);
    const report = JSON.parse(transitive.stdout) as { findings: { rule: string; message: string }[] };
    assert.deepEqual(report.findings.map((f) => f.rule), ['FIELD_DEFAULT_REQUIRED']);
    assert.match(report.findings[0]!.message, /v1\.avsc -> v3\.avsc/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
