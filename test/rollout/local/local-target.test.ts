import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { LocalTarget } from '../../../src/rollout/targets/local/local-target.ts';
import type { VersionRunSpec } from '../../../src/rollout/targets/target.ts';
import { StepwiseError } from '../../../src/model/errors.ts';

const APP = join(import.meta.dirname, '..', 'fixtures', 'app.mjs');
const run = (version: string, env: Record<string, string> = {}, command = `node ${APP}`): VersionRunSpec => ({
  service: 'orders',
  version,
  command,
  cwd: import.meta.dirname,
  env: { VERSION: version, ...env },
  portVariable: 'PORT',
  health: '/healthz',
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function withTarget(work: (target: LocalTarget, port: number) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-local-'));
  const target = new LocalTarget(dir, 'local');
  try {
    const { port } = await target.ensureService({ service: 'orders', sticky: { header: 'x-user' } });
    await work(target, port);
  } finally {
    await target.close({ stopVersions: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

const healthy = (target: LocalTarget, version: string) =>
  until(`${version} healthy`, async () => ((await target.observe('orders', [version])).versions[version]!.healthy ? true : undefined));

test('the gateway splits traffic by weight, keeps sticky clients and counts errors per version', async () => {
  await withTarget(async (target, port) => {
    await target.startVersion(run('v1'));
    await target.startVersion(run('v2', { ERROR_RATE: '0.5' }));
    await healthy(target, 'v1');
    await healthy(target, 'v2');
    await target.setWeights('orders', { v1: 75, v2: 25 });
    const from = Date.now();
    const seen: Record<string, number> = {};
    for (let index = 0; index < 400; index++) {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      const text = (await response.text()).trim();
      const version = text.startsWith('error from ') ? text.slice(11) : text;
      seen[version] = (seen[version] ?? 0) + 1;
    }
    assert.ok(seen.v1! > 250 && seen.v1! < 350, JSON.stringify(seen));
    const v2 = await target.metrics('orders', 'v2', from, Date.now());
    assert.equal(v2.requests, seen.v2);
    assert.ok(Math.abs(v2.errors - v2.requests / 2) <= 1, JSON.stringify(v2));
    assert.equal((await target.metrics('orders', 'v1', from, Date.now())).errors, 0);
    const sticky = new Set<string>();
    for (let index = 0; index < 20; index++) {
      sticky.add((await (await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-user': 'alice' } })).text()).replace('error from ', '').trim());
    }
    assert.equal(sticky.size, 1);
  });
});

test('a backend resetting connections is retried on the other version and counted as errors', async () => {
  await withTarget(async (target, port) => {
    await target.startVersion(run('v1'));
    await target.startVersion(run('v2', { RESET_RATE: '1' }));
    await healthy(target, 'v1');
    await sleep(300); // v2's health check passes (it only drops real requests)
    await target.setWeights('orders', { v1: 50, v2: 50 });
    const from = Date.now();
    let failures = 0;
    for (let index = 0; index < 100; index++) if ((await fetch(`http://127.0.0.1:${port}/`)).status !== 200) failures++;
    assert.equal(failures, 0);
    const v2 = await target.metrics('orders', 'v2', from, Date.now());
    assert.ok(v2.requests > 20 && v2.errors === v2.requests, JSON.stringify(v2));
  });
});

test('faults end in a clear state: a command that cannot start, a crash, a port in use', async () => {
  await withTarget(async (target) => {
    await target.startVersion(run('v3', {}, 'definitely-not-a-command-xyz'));
    const failed = await until('v3 to end', async () => {
      const seen = (await target.observe('orders', ['v3'])).versions.v3!;
      return seen.state === 'exited' || seen.state === 'failed' ? seen : undefined;
    });
    assert.match(failed.detail ?? '', /exit code 127.*not found/);
    await target.startVersion(run('v4', { EXIT_AFTER_MS: '300' }));
    const crashed = await until('v4 to exit', async () => {
      const seen = (await target.observe('orders', ['v4'])).versions.v4!;
      return seen.state === 'exited' ? seen : undefined;
    });
    assert.match(crashed.detail ?? '', /^exit code 3; log: v4 listening on \d+/);
  });
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const taken = (blocker.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-local-'));
  const target = new LocalTarget(dir, 'local');
  try {
    await assert.rejects(target.ensureService({ service: 'orders', port: taken, sticky: {} }), (error: unknown) => {
      assert.ok(error instanceof StepwiseError && error.code === 'PORT_IN_USE');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${taken}: the port is in use`));
      return true;
    });
  } finally {
    blocker.close();
    await target.close({ stopVersions: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
