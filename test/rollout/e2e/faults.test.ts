import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlPlane, liveVersions, withWorld } from './harness.ts';
import { loadGenerator, sleep } from '../support/rollout-world.ts';
import { getRollout, requestRollout } from '../../../src/rollout/runner/rollout-store.ts';
import { StepwiseError } from '../../../src/model/errors.ts';

test('a new version whose command does not start, or that never becomes healthy, is rolled back; the stable one serves throughout', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { command: 'no-such-binary-for-stepwise --serve' });
    await world.publish('v3', { env: { UNHEALTHY: '1' }, rollout: { progressDeadline: '1s' } });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    const load = loadGenerator(plane.gatewayUrl(), 2);
    try {
      const first = await plane.start('v2');
      const failed = await plane.finished(first.id);
      assert.equal(failed.status.phase, 'rolled-back');
      assert.equal(failed.status.abort?.reason, 'canary-crashed');
      assert.match(failed.status.abort?.message ?? '', /^v2 exited: exit code 127; log: .*no-such-binary-for-stepwise.*not found/);

      const second = await plane.start('v3');
      const unhealthy = await plane.finished(second.id);
      assert.equal(unhealthy.status.abort?.reason, 'canary-never-healthy');
      assert.equal(unhealthy.status.abort?.message, 'v3 was not healthy within 1s');
      const counts = await load.stop();
      assert.equal(counts.errors, 0);
      assert.ok(counts.ok > 0, JSON.stringify([counts.ok, [...counts.byBody]]));
      assert.deepEqual(await liveVersions(world), ['v1@default']);
    } finally {
      await load.stop();
      await plane.close();
    }
  });
});

test('a second rollout of the same service is refused naming the running one; the cap queues other services in order', async () => {
  await withWorld(async (world) => {
    const pauseThenGo = { canary: { steps: [{ weight: 10 }, { pause: {} }] } };
    await world.publish('v1');
    await world.publish('v2', { rollout: pauseThenGo });
    await world.publish('v3');
    await world.deploy('v1');
    await world.publish('v1', { service: 'billing' });
    await world.publish('v2', { service: 'billing', rollout: { canary: { steps: [{ weight: 50 }] } } });
    await world.deploy('v1', 'billing');
    const plane = await controlPlane(world, 1);
    try {
      const running = await plane.start('v2');
      await assert.rejects(plane.start('v3'), (error: unknown) => {
        assert.ok(error instanceof StepwiseError && error.code === 'ROLLOUT_IN_PROGRESS');
        assert.match(error.message, new RegExp(`^rollout #${running.id} of orders@v2 is already (queued|progressing|paused) in local`));
        return true;
      });
      await plane.phase(running.id, 'paused');
      const queued = await plane.start('v2', 'billing');
      assert.equal(queued.status.message, 'queued: 1 rollouts running or waiting in local (at most 1 at once)');
      await sleep(600);
      assert.equal((await getRollout(world.store.db, queued.id)).status.phase, 'queued', 'held by the cap while the first runs');
      await requestRollout(world.store.db, running.id, { kind: 'promote', full: false }, 'alice', new Date().toISOString());
      plane.runner.kick();
      const first = await plane.finished(running.id);
      const second = await plane.finished(queued.id);
      assert.equal(second.status.phase, 'succeeded');
      assert.ok(second.status.startedAt! >= first.status.finishedAt!, 'the queued rollout started after the first finished');
      assert.deepEqual(await liveVersions(world, 'billing'), ['v2@default']);
    } finally {
      await plane.close();
    }
  });
});
