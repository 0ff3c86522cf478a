import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli.ts';
import { CORPUS } from './buf-corpus.ts';

test('stepwise diff compares two directories of .proto files with their buf.yaml', async () => {
  const previous = join(CORPUS, 'previous', 'breaking_rpc_no_delete');
  const current = join(CORPUS, 'current', 'breaking_rpc_no_delete');
  const result = await runCli(['diff', previous, current, '--kind', 'protobuf', '--json']);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout) as { findings: Array<{ rule: string; after?: { file?: string; line?: number } }> };
  assert.deepEqual(report.findings.map((finding) => `${finding.rule}|${finding.after?.file}|${finding.after?.line}`).sort(), [
    'RPC_NO_DELETE|1.proto|7',
    'RPC_NO_DELETE|2.proto|31',
  ].sort());

  const same = await runCli(['diff', current, current, '--kind', 'protobuf']);
  assert.equal(same.code, 0, same.stderr);
});

test('stepwise diff names the file and line of a broken .proto and exits 3', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-proto-'));
  try {
    mkdirSync(join(dir, 'old'));
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'old', 'shop.proto'), 'syntax = "proto3";\npackage shop;\nmessage Order {\n  string id = 1;\n}\n');
    writeFileSync(join(dir, 'new', 'shop.proto'), 'syntax = "proto3";\npackage shop;\nmessage Order {\n  string id = ;\n}\n');
    const result = await runCli(['diff', join(dir, 'old'), join(dir, 'new'), '--kind', 'protobuf']);
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.match(result.stderr + result.stdout, /shop\.proto:4/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
