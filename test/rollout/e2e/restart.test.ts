import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BIN } from '../../support/cli.ts';
import { createWorld, FIXTURES, loadGenerator, until, type World } from '../support/rollout-world.ts';
import { getRollout, listRolloutEvents } from '../../../src/rollout/runner/rollout-store.ts';
import { liveVersions } from './harness.ts';
import { startRollout } from '../../../src/rollout/runner/start-rollout.ts';

interface Up {
  readonly child: ChildProcess;
  readonly gateway: string;
}

/** Starts the real `stepwise up` on the world's data dir and waits for its summary line. */
async function up(world: World): Promise<Up> {
  // --no-server: the API is tested elsewhere; here the control plane is the runner and the target
  const child = spawn(process.execPath, [BIN, 'up', '--env', 'local', '--data', world.dir, '--no-server', '--json'], {
    cwd: FIXTURES,
    env: { ...process.env, STEPWISE_URL: undefined, STEPWISE_TOKEN: undefined } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`stepwise up exited with ${code}: ${stderr}`)));
    setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stepwise up did not come up within 60 s: ${stderr}`));
    }, 60_000).unref();
  });
  const summary = JSON.parse(line) as { services: Array<{ url: string }> };
  return { child, gateway: `${summary.services[0]!.url}/` };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function scenario(rollout: Record<string, unknown>, killAt: (status: { stepIndex: number; phase: string }) => boolean) {
  const world = await createWorld();
  let control: Up | undefined;
  try {
    await world.publish('v1');
    await world.publish('v2', { rollout });
    await world.deploy('v1');
    control = await up(world);
    const load = loadGenerator(control.gateway, 2);
    const started = await startRollout(world.store.db, { environment: 'local', service: 'orders', version: 'v2', actor: 'test', at: new Date(), baseDir: FIXTURES, maxConcurrent: 2 });
    const id = started.rollout.id;
    await until('the step to kill in', async () => (killAt((await getRollout(world.store.db, id)).status) ? true : undefined));
    control.child.kill('SIGKILL');
    await killed(control.child);
    const before = await listRolloutEvents(world.store.db, id);
    control = await up(world);
    await until('the rollout to end', async () => {
      const phase = (await getRollout(world.store.db, id)).status.phase;
      return phase === 'succeeded' || phase === 'rolled-back' ? phase : undefined;
    }, 20_000);
    await load.stop();
    const after = await listRolloutEvents(world.store.db, id);
    // nothing recorded before the kill was lost or rewritten
    assert.deepEqual(after.slice(0, before.length), before);
    const deployments = await world.store.db.selectFrom('deployment_events').select(['version', 'target', 'kind']).where('service', '=', 'orders').orderBy('id').execute();
    const logs = (version: string) => readFileSync(join(world.dir, 'local', 'logs', 'orders', `${version}.log`), 'utf8').match(/listening on/g)?.length ?? 0;
    return { world, id, events: after.map((event) => event.kind), deployments, rollout: await getRollout(world.store.db, id), starts: { v1: logs('v1'), v2: logs('v2') }, live: await liveVersions(world) };
  } finally {
    if (control) {
      control.child.kill('SIGTERM');
      await killed(control.child);
    }
    await world.close().catch(() => undefined);
  }
}

test('kill -9 of the control plane during a timed pause: the restart adopts the running versions and finishes the steps once', async () => {
  const result = await scenario({ canary: { steps: [{ weight: 30 }, { pause: '2s' }, { weight: 60 }, { pause: '300ms' }] } }, (status) => status.stepIndex === 1);
  assert.equal(result.rollout.status.phase, 'succeeded', result.rollout.status.message);
  assert.deepEqual(result.events, ['queued', 'started', 'step', 'adopted', 'step', 'step', 'promoting', 'succeeded']);
  assert.deepEqual(result.starts, { v1: 1, v2: 1 }, 'each version started once: the restart adopted them');
  assert.deepEqual(
    result.deployments.map((row) => `${row.kind} ${row.version}@${row.target}`),
    ['deployed v1@default', 'deployed v2@canary', 'undeployed v2@canary', 'deployed v2@default'],
  );
  assert.deepEqual(result.live, ['v2@default']);
});

test('kill -9 during an analysis step with onRestart: rollback rolls back after the restart', async () => {
  const result = await scenario(
    { onRestart: 'rollback', canary: { steps: [{ weight: 30 }, { analysis: '10s' }, { weight: 100 }] } },
    (status) => status.stepIndex === 1,
  );
  assert.equal(result.rollout.status.phase, 'rolled-back');
  assert.equal(result.rollout.status.abort?.reason, 'control-plane-restarted');
  assert.deepEqual(result.events, ['queued', 'started', 'step', 'aborted', 'rolled-back']);
  assert.deepEqual(result.live, ['v1@default']);
  assert.deepEqual(
    result.deployments.map((row) => `${row.kind} ${row.version}@${row.target}`),
    ['deployed v1@default', 'deployed v2@canary', 'undeployed v2@canary'],
  );
});

test('kill -9 during a blue-green preview: the restart resumes the preview and switches', async () => {
  const result = await scenario({ blueGreen: { preview: '2s', scaleDownDelay: '300ms' } }, (status) => status.phase === 'progressing' && status.stepIndex === 0);
  assert.equal(result.rollout.status.phase, 'succeeded', result.rollout.status.message);
  assert.ok(result.events.includes('adopted'));
  assert.deepEqual(result.live, ['v2@default']);
  assert.deepEqual(result.starts, { v1: 1, v2: 1 });
});
