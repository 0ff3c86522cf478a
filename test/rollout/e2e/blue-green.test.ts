import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlPlane, liveVersions, withWorld } from './harness.ts';
import { loadGenerator, sleep, until } from '../support/rollout-world.ts';
import { getRollout } from '../../../src/rollout/runner/rollout-store.ts';

const BLUE_GREEN = { blueGreen: { preview: '1s', scaleDownDelay: '1500ms' } };

test('blue-green: the new version answers on the preview port, then takes all traffic, then the old one stops', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { rollout: BLUE_GREEN });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    const load = loadGenerator(plane.gatewayUrl());
    try {
      const rollout = await plane.start('v2');
      const previewPort = plane.target.gateway('orders')!.previewPort;
      const previewed = await until('the preview to answer', async () => {
        const response = await fetch(`http://127.0.0.1:${previewPort}/`);
        const body = (await response.text()).trim();
        return body === 'v2' ? body : undefined;
      });
      assert.equal(previewed, 'v2');
      assert.equal(load.counts.byBody.get('v2') ?? 0, 0, 'no production traffic reaches the preview');
      await plane.phase(rollout.id, 'promoting');
      await sleep(300);
      // after the switch the old version still runs, ready to take the traffic back
      assert.equal((await plane.target.observe('orders', ['v1'])).versions.v1!.state, 'running');
      const done = await plane.finished(rollout.id);
      const counts = await load.stop();
      assert.equal(done.status.phase, 'succeeded');
      assert.ok(Date.parse(done.status.finishedAt!) - Date.parse(done.status.scaleDownAt!) >= 0);
      assert.equal(counts.errors, 0);
      assert.deepEqual(await liveVersions(world), ['v2@default']);
      assert.equal((await plane.target.observe('orders', ['v1'])).versions.v1!.state, 'absent');
    } finally {
      await load.stop();
      await plane.close();
    }
  });
});

test('blue-green: errors after the switch switch the traffic back to the old version, which never stopped', async () => {
  await withWorld(async (world) => {
    const burst = join(world.dir, 'burst');
    await world.publish('v1');
    await world.publish('v2', { env: { BURST_FILE: burst }, rollout: { blueGreen: { preview: '300ms', scaleDownDelay: '10s' } } });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    const load = loadGenerator(plane.gatewayUrl());
    try {
      const rollout = await plane.start('v2');
      await plane.phase(rollout.id, 'promoting');
      await until('v2 to serve', () => ((load.counts.byBody.get('v2') ?? 0) > 20 ? true : undefined));
      const burstAt = Date.now();
      writeFileSync(burst, '');
      const done = await plane.finished(rollout.id);
      // requests sent after the rollback finished (no canary weight, canary stopped)
      const settled = Date.parse(done.status.finishedAt!);
      await until('the stable version to serve again', () => (load.timeline.filter((entry) => entry.start > settled).length >= 10 ? true : undefined));
      const counts = await load.stop();
      assert.equal(done.status.phase, 'rolled-back');
      assert.equal(done.status.abort?.reason, 'analysis-failed');
      assert.deepEqual(await liveVersions(world), ['v1@default']);
      const after = load.timeline.filter((entry) => entry.start > settled);
      assert.ok(after.length >= 10 && after.every((entry) => entry.ok && entry.version === 'v1'));
      const lastCanary = Math.max(...load.timeline.filter((entry) => entry.version === 'v2').map((entry) => entry.at));
      assert.ok(lastCanary - burstAt < 2000, `canary traffic stopped ${lastCanary - burstAt} ms after the burst`);
      assert.equal((await getRollout(world.store.db, rollout.id)).status.phase, 'rolled-back');
      void counts;
    } finally {
      await load.stop();
      await plane.close();
    }
  });
});
