import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDirectory, type TempDirectory } from '../support/databases.ts';
import { spawnFlagServer, type ServerProcess } from './support/spawn-flag-server.ts';

const BIN = fileURLToPath(new URL('../../bin/stepwise.js', import.meta.url));
let server: ServerProcess;
let dir: TempDirectory;

/** The real `stepwise` binary in its own process, against the server in another. */
function stepwise(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir.path, env: { ...process.env, STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  server = await spawnFlagServer();
  dir = createTempDirectory('stepwise-flag-e2e-');
  await server.request('POST', '/v1/environments', { name: 'production' });
});
after(async () => {
  await server?.stop();
  dir?.remove();
});

test('stepwise flag eval prints one JSON line per context line', async () => {
  // set up over HTTP: each start of the binary costs seconds (tsx compiles the CLI), so the
  // binary runs only where its process matters (output lines, exit codes); test/flags/flag-cli covers the rest
  assert.equal((await server.request('POST', '/v1/flags', { name: 'search-v2' })).status, 201);
  const rollout = await server.request('POST', '/v1/environments/production/flags/search-v2/changes', { change: { kind: 'rollout', percent: 50, stickiness: 'userId' }, reason: 'half' });
  assert.equal(rollout.status, 200);
  writeFileSync(join(dir.path, 'contexts.jsonl'), ['{"userId":"u1"}', '{"userId":"u2"}', '{"sessionId":"s1"}', '{"userId":"u3","properties":{"plan":"pro"}}'].join('\n'));
  const evaluated = await stepwise('flag', 'eval', 'search-v2', '--env', 'production', '--contexts', 'contexts.jsonl', '--json');
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const lines = evaluated.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, 4);
  for (const line of lines) assert.deepEqual(Object.keys(line), ['flag', 'enabled', 'variant', 'reason']);
  // no userId with userId stickiness: out of the rollout
  assert.deepEqual(lines[2], { flag: 'search-v2', enabled: false, variant: 'disabled', reason: 'DEFAULT' });
});

test('a malformed context line from the binary: exit code 3, the line named, nothing on stdout', async () => {
  writeFileSync(join(dir.path, 'broken.jsonl'), '{"userId":"u1"}\n{userId: u2}\n');
  const broken = await stepwise('flag', 'eval', 'search-v2', '--env', 'production', '--contexts', 'broken.jsonl', '--json');
  assert.equal(broken.code, 3);
  assert.match(broken.stderr, /broken\.jsonl:2/);
  assert.equal(broken.stdout, '');
});
