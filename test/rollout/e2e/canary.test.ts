import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlPlane, liveVersions, withWorld } from './harness.ts';
import { loadGenerator, sleep } from '../support/rollout-world.ts';
import { requestRollout } from '../../../src/rollout/runner/rollout-store.ts';

const FAST = { canary: { steps: [{ weight: 20 }, { analysis: { duration: '1500ms', minRequests: 20 } }, { weight: 60 }, { pause: '500ms' }] } };

test('a good canary is promoted through its steps; both versions are live in the store while both run', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { rollout: FAST });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    const load = loadGenerator(plane.gatewayUrl());
    try {
      await sleep(300);
      const rollout = await plane.start('v2');
      await plane.phase(rollout.id, 'progressing');
      await sleep(400);
      assert.deepEqual(await liveVersions(world), ['v1@default', 'v2@canary']);
      const done = await plane.finished(rollout.id);
      const counts = await load.stop();
      assert.equal(done.status.phase, 'succeeded', done.status.message);
      assert.deepEqual(await plane.events(rollout.id), ['queued', 'started', 'step', 'step', 'step', 'promoting', 'succeeded']);
      assert.deepEqual(await liveVersions(world), ['v2@default']);
      assert.equal(counts.errors, 0);
      assert.ok((counts.byBody.get('v2') ?? 0) > 10, JSON.stringify([...counts.byBody]));
      assert.equal((await plane.target.observe('orders', ['v1'])).versions.v1!.state, 'absent');
      const audit = await world.store.db.selectFrom('audit_events').select('action').where('subject', '=', `rollout:${rollout.id}`).execute();
      assert.ok(audit.some((row) => row.action === 'rollout.succeeded'));
    } finally {
      await load.stop();
      await plane.close();
    }
  });
});

test('a version answering 20% errors is rolled back automatically while the stable version keeps serving', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { env: { ERROR_RATE: '0.2' }, rollout: { canary: { steps: [{ weight: 20 }, { analysis: '10s' }, { weight: 100 }] } } });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    const load = loadGenerator(plane.gatewayUrl());
    try {
      await sleep(300);
      const rollout = await plane.start('v2');
      const done = await plane.finished(rollout.id);
      await sleep(500);
      const counts = await load.stop();
      assert.equal(done.status.phase, 'rolled-back');
      assert.equal(done.status.abort?.reason, 'analysis-failed');
      assert.match(done.status.abort?.message ?? '', /^error rate \d+\.\d% \(\d+ of \d+ requests\) is above 5\.0%/);
      assert.deepEqual(await liveVersions(world), ['v1@default']);
      // every error a client saw came from the canary before the rollback, and there were few
      const total = counts.ok + counts.errors;
      assert.ok(counts.errors <= 60, `${counts.errors} client-visible errors of ${total}`);
      assert.equal(load.timeline.filter((entry) => entry.version === 'none').length, 0, 'no connection errors');
      const rolledBackAt = Date.parse(done.status.finishedAt!);
      const last = load.timeline.filter((entry) => entry.start > rolledBackAt);
      assert.ok(last.length > 20);
      assert.ok(last.every((entry) => entry.ok && entry.version === 'v1'), 'the stable version serves after the rollback');
      console.log(`20% errors: ${counts.errors} client-visible errors of ${total} requests`);
    } finally {
      await load.stop();
      await plane.close();
    }
  });
});

test('too little traffic at an analysis step pauses the rollout until promoted', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { rollout: { canary: { steps: [{ weight: 20 }, { analysis: { duration: '800ms', minRequests: 50 } }] } } });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    try {
      const rollout = await plane.start('v2');
      const paused = await plane.phase(rollout.id, 'paused');
      assert.equal(paused.status.pause?.reason, 'inconclusive');
      assert.equal(paused.status.stepIndex, 1);
      assert.match(paused.status.message, /analysis inconclusive at step 2\/2: 0 requests reached the new version; analysis needs 50; promote or abort/);
      await sleep(500);
      assert.equal((await plane.phase(rollout.id, 'paused')).status.canaryWeight, 20);
      await requestRollout(world.store.db, rollout.id, { kind: 'promote', full: false }, 'alice', new Date().toISOString());
      plane.runner.kick();
      const done = await plane.finished(rollout.id);
      assert.equal(done.status.phase, 'succeeded');
      assert.deepEqual(await plane.events(rollout.id), ['queued', 'started', 'step', 'paused', 'resumed', 'promoting', 'succeeded']);
    } finally {
      await plane.close();
    }
  });
});
