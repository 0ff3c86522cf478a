import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlPlane, liveVersions, withWorld } from './harness.ts';
import { applyPlan } from '../../../src/rollout/runner/apply-plan.ts';
import { savePlan } from '../../../src/store/plans/save-plan.ts';
import { writeTransaction } from '../../../src/store/write-transaction.ts';
import type { Plan, PlanStep } from '../../../src/plan/plan.ts';
import { FIXTURES } from '../support/rollout-world.ts';

const SERVICES = ['orders', 'billing', 'web'];
const FAST = { canary: { steps: [{ weight: 50 }, { pause: '200ms' }] }, progressDeadline: '2s' };

const deploy = (service: string, version: string): PlanStep => ({ action: 'deploy', environment: 'local', service, version, reversible: true, reason: 'test plan' });

test('plan apply runs a three-step plan as three rollouts in order, and stops at the first failed step', async () => {
  await withWorld(async (world) => {
    for (const service of SERVICES) {
      await world.publish('v1', { service });
      await world.publish('v2', { service, rollout: FAST });
      await world.publish('v3', { service, rollout: FAST, ...(service === 'billing' ? { env: { UNHEALTHY: '1' } } : {}) });
      await world.deploy('v1', service);
    }
    const plane = await controlPlane(world);
    const store = async (version: string) => {
      // the planner's output shape, reduced to what execution reads
      const plan = { steps: SERVICES.map((service) => deploy(service, version)), lockstep: [] } as unknown as Plan;
      return writeTransaction(world.store.db, (trx) => savePlan(trx, { environments: ['local'], targets: [], plan, actor: 'test', at: new Date().toISOString() }));
    };
    const options = { actor: 'alice', baseDir: FIXTURES, maxConcurrent: 2, pollMs: 100 };
    try {
      const good = await store('v2');
      const outcomes = await applyPlan(world.store.db, good, options);
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['done', 'done', 'done']);
      for (const service of SERVICES) assert.deepEqual(await liveVersions(world, service), ['v2@default']);
      const rollouts = await world.store.db.selectFrom('rollouts').select(['service', 'created_at', 'updated_at']).orderBy('id').execute();
      assert.deepEqual(rollouts.map((row) => row.service), SERVICES);
      // one at a time: each rollout started after the previous one finished
      for (let index = 1; index < rollouts.length; index++) assert.ok(rollouts[index]!.created_at >= rollouts[index - 1]!.updated_at);

      const bad = await store('v3');
      const stopped = await applyPlan(world.store.db, bad, options);
      assert.deepEqual(stopped.map((outcome) => outcome.status), ['done', 'failed', 'pending']);
      assert.match(stopped[1]!.message, /^step 2 \(deploy billing@v3 in local\): rollout #\d+ rolled back: v3 was not healthy within 2s/);
      assert.deepEqual(await liveVersions(world, 'orders'), ['v3@default']);
      assert.deepEqual(await liveVersions(world, 'billing'), ['v2@default']);
      assert.deepEqual(await liveVersions(world, 'web'), ['v2@default']);
      const progress = await world.store.db.selectFrom('plan_steps').select('status').where('plan_id', '=', bad).orderBy('position').execute();
      assert.deepEqual(progress.map((row) => row.status), ['done', 'failed', 'pending']);
    } finally {
      await plane.close();
    }
  });
});
