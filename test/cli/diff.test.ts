import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

const DATA = join(import.meta.dirname, '../../../shared/corpora/openapi-oasdiff/data');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'stepwise', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

test('diff: JSON output and exit 1 when something breaks', async () => {
  const result = await run(['diff', join(DATA, 'openapi-test1.yaml'), join(DATA, 'openapi-test3.yaml'), '--format', 'json']);
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { breaking: boolean; findings: { rule: string; severity: string; location: { file: string; line: number }; message: string }[] };
  assert.equal(report.breaking, true);
  const status = report.findings.find((f) => f.rule === 'RESPONSE_SUCCESS_STATUS_NO_DELETE');
  assert.ok(status);
  assert.equal(status.severity, 'breaking');
  assert.equal(status.location.file, 'openapi-test1.yaml');
  assert.equal(status.location.line, 116);
});

test('diff: exit 0 and a clear text report when nothing breaks', async () => {
  const result = await run(['diff', join(DATA, 'enums/request-body-enum-revision.yaml'), join(DATA, 'enums/request-body-enum.yaml')]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /0 breaking changes/);
});

test('diff: markdown, junit and github formats', async () => {
  const args = ['diff', join(DATA, 'nullable/base-body.yaml'), join(DATA, 'nullable/revision-body.yaml'), '--format'];
  const markdown = await run([...args, 'markdown']);
  assert.match(markdown.stdout, /\| :x: \| `RESPONSE_SCHEMA_NO_BECOME_NULLABLE` \|/);
  const junit = await run([...args, 'junit']);
  assert.match(junit.stdout, /<failure message="[^"]*may now be null" type="RESPONSE_SCHEMA_NO_BECOME_NULLABLE">/);
  const github = await run([...args, 'github']);
  assert.match(github.stdout, /^::error file=revision-body\.yaml,line=\d+,title=RESPONSE_SCHEMA_NO_BECOME_NULLABLE::POST \/payments/m);
  assert.equal(github.code, 1);
});

test('diff: severity overrides and exemptions by fingerprint', async () => {
  const args = ['diff', join(DATA, 'nullable/base-body.yaml'), join(DATA, 'nullable/revision-body.yaml'), '--json'];
  const first = JSON.parse((await run(args)).stdout) as { findings: { fingerprint: string }[] };
  const exempted = await run([...args, '--exempt', first.findings[0]!.fingerprint]);
  assert.equal(exempted.code, 0);
  const downgraded = await run([...args, '--severity', 'NULLABLE=warning']);
  assert.equal(downgraded.code, 0);
  assert.equal((JSON.parse(downgraded.stdout) as { findings: { severity: string }[] }).findings[0]!.severity, 'warning');
});

test('diff --consumer: the provider must serve what the consumer expects', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-diff-'));
  const provider = join(dir, 'provider.yaml');
  const consumer = join(dir, 'consumer.yaml');
  writeFileSync(provider, 'openapi: 3.0.3\ninfo: {title: p, version: "1"}\npaths:\n  /pets/{id}:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {id: {type: string}}}\n  /other:\n    get:\n      responses: {"204": {description: none}}\n');
  writeFileSync(consumer, 'openapi: 3.0.3\ninfo: {title: c, version: "1"}\npaths:\n  /pets/{petId}:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, required: [id, name], properties: {id: {type: string}, name: {type: string}}}\n');
  const result = await run(['diff', provider, consumer, '--consumer', '--json']);
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { findings: { rule: string }[] };
  assert.deepEqual(report.findings.map((f) => f.rule).sort(), ['RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', 'RESPONSE_REQUIRED_PROPERTY_NO_DELETE']);
});

test('diff: bad input exits 3 naming the file and line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-diff-'));
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'openapi: 3.0.3\ninfo:\n  title: x\n paths: [\n');
  const result = await run(['diff', broken, broken, '--kind', 'openapi']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /broken\.yaml:\d+/);
  const missing = await run(['diff', join(dir, 'nope.yaml'), broken]);
  assert.equal(missing.code, 3);
  const kind = await run(['diff', broken, broken, '--kind', 'cobol']);
  assert.equal(kind.code, 3);
});

test('diff: an OpenAPI document whose `openapi` key comes late is still detected as OpenAPI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-diff-'));
  const spec = (type: string) => `paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: ${type}}\n${'x-padding: filler\n'.repeat(400)}info: {title: t, version: "1"}\nopenapi: 3.0.3\n`;
  writeFileSync(join(dir, 'a.yaml'), spec('string'));
  writeFileSync(join(dir, 'b.yaml'), spec('integer'));
  const result = await run(['diff', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--json']);
  assert.equal(result.code, 1, result.stderr);
  assert.equal((JSON.parse(result.stdout) as { findings: { rule: string }[] }).findings[0]!.rule, 'RESPONSE_SCHEMA_TYPE_NO_CHANGE');
});
