import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from '../support/cli.ts';
import { createTempDirectory } from '../support/databases.ts';

/** Starts `stepwise server --json` and resolves with the first line it prints. */
function startServerProcess(cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--json', '--data', 'state'], {
    cwd,
    env: { ...process.env, STEPWISE_DATABASE_URL: '', STEPWISE_ADMIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = new Promise<{ url: string; database: string; adminToken?: string }>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line));
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  const stop = () => new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
  return { started, stop };
}

test('stepwise server: SQLite under --data, an admin token printed on first start only', async () => {
  const dir = createTempDirectory();
  try {
    const first = startServerProcess(dir.path);
    const info = await first.started;
    assert.equal(info.database, 'sqlite');
    assert.match(info.adminToken ?? '', /^stw_/);
    assert.ok(existsSync(join(dir.path, 'state', 'stepwise.db')));
    const health = await fetch(`${info.url}/healthz`);
    assert.equal(health.status, 200);
    const status = await fetch(`${info.url}/v1/status`, { headers: { authorization: `Bearer ${info.adminToken}` } });
    assert.equal(status.status, 200);
    assert.equal(await first.stop(), 0);

    const second = startServerProcess(dir.path);
    const again = await second.started;
    assert.equal(again.adminToken, undefined, 'the token is printed once, never again');
    const stillValid = await fetch(`${again.url}/v1/status`, { headers: { authorization: `Bearer ${info.adminToken}` } });
    assert.equal(stillValid.status, 200);
    assert.equal(await second.stop(), 0);
  } finally {
    dir.remove();
  }
});
