import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlPlane, liveVersions, withWorld } from './harness.ts';
import { applyPlan } from '../../../src/rollout/runner/apply-plan.ts';
import { savePlan } from '../../../src/store/plans/save-plan.ts';
import { loadPlan } from '../../../src/store/plans/load-plans.ts';
import { requestRollout } from '../../../src/rollout/runner/rollout-store.ts';
import { writeTransaction } from '../../../src/store/write-transaction.ts';
import type { Plan, PlanStep } from '../../../src/plan/plan.ts';
import { FIXTURES, type World } from '../support/rollout-world.ts';
import { createFlag } from '../../../src/store/flags/create-flag.ts';
import { getFlag } from '../../../src/store/flags/list-flags.ts';
import { listFlagEvents } from '../../../src/store/flags/list-flag-events.ts';

const SERVICES = ['orders', 'billing', 'web'];
const FAST = { canary: { steps: [{ weight: 50 }, { pause: '200ms' }] }, progressDeadline: '2s' };

const deploy = (service: string, version: string): PlanStep => ({ action: 'deploy', environment: 'local', service, version, reversible: true, reason: 'test plan' });
const options = { actor: 'alice', baseDir: FIXTURES, maxConcurrent: 2, pollMs: 100 };

/** Stores a plan of the planner's shape (reduced to what execution reads) and returns its id. */
const storePlan = (world: World, steps: PlanStep[]) =>
  writeTransaction(world.store.db, (trx) => savePlan(trx, { environments: ['local'], targets: [], plan: { environments: ['local'], steps, lockstep: [] }, actor: 'test', at: new Date().toISOString() }));

const progressOf = async (world: World, plan: number) =>
  (await world.store.db.selectFrom('plan_steps').select(['status', 'message']).where('plan_id', '=', plan).orderBy('position').execute()).map((row) => row.status);

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

test('plan apply flips a flag between two deploys, through the flag store, with the plan and step in its history', async () => {
  await withWorld(async (world) => {
    for (const service of ['orders', 'billing']) {
      await world.publish('v1', { service });
      await world.publish('v2', { service, rollout: FAST });
      await world.deploy('v1', service);
    }
    await createFlag(world.store.db, { name: 'new-checkout', environments: ['local'], actor: 'test' });
    const plane = await controlPlane(world);
    try {
      const flip: PlanStep = { action: 'enable-flag', environment: 'local', flag: 'new-checkout', reversible: true, reason: 'turns on what the flag guards, now that its providers are live' };
      const plan = await storePlan(world, [deploy('orders', 'v2'), flip, deploy('billing', 'v2')]);
      const outcomes = await applyPlan(world.store.db, plan, options);
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['done', 'done', 'done']);
      assert.equal(outcomes[1]!.message, 'step 2 (enable-flag new-checkout in local): flag switched on');
      assert.deepEqual(await progressOf(world, plan), ['done', 'done', 'done']);
      const flag = await getFlag(world.store.db, 'new-checkout', 'local');
      assert.equal(flag.definition.enabled, true);
      assert.match(flag.updateReason ?? '', new RegExp(`^plan #${plan} step 2 `));
      const [event] = await listFlagEvents(world.store.db, 'new-checkout', 'local', 1);
      assert.equal(event!.action, 'enable');
      assert.equal(event!.actor, 'alice');
      assert.equal(event!.reason, `plan #${plan} step 2 (enable-flag new-checkout): turns on what the flag guards, now that its providers are live`);
      // the flag went on after orders@v2 was live and before billing's rollout started
      const rollouts = await world.store.db.selectFrom('rollouts').select(['service', 'created_at', 'updated_at']).orderBy('id').execute();
      assert.deepEqual(rollouts.map((row) => row.service), ['orders', 'billing']);
      assert.ok(event!.at >= rollouts[0]!.updated_at && event!.at <= rollouts[1]!.created_at);
      for (const service of ['orders', 'billing']) assert.deepEqual(await liveVersions(world, service), ['v2@default']);

      // a flag missing from the environment fails the step with the store's message
      const missing = await storePlan(world, [{ ...flip, flag: 'no-such-flag' }]);
      const failed = await applyPlan(world.store.db, missing, options);
      assert.equal(failed[0]!.status, 'failed');
      assert.match(failed[0]!.message, /^step 1 \(enable-flag no-such-flag in local\): flag "no-such-flag" does not exist in environment "local"/);
    } finally {
      await plane.close();
    }
  });
});

test('plan apply stops at a version not yet published, naming it, and resumes there once it is published', async () => {
  await withWorld(async (world) => {
    for (const service of ['orders', 'billing']) {
      await world.publish('v1', { service });
      await world.deploy('v1', service);
    }
    await world.publish('v2', { service: 'orders', rollout: FAST });
    const plane = await controlPlane(world);
    try {
      const build: PlanStep = { action: 'build', service: 'billing', version: 'v2', from: 'v1', reversible: true, reason: 'expand: billing@v2 accepts both the old and the new' };
      const plan = await storePlan(world, [deploy('orders', 'v2'), build, deploy('billing', 'v2')]);
      const first = await applyPlan(world.store.db, plan, options);
      assert.deepEqual(first.map((outcome) => outcome.status), ['done', 'waiting', 'pending']);
      assert.equal(
        first[1]!.message,
        `step 2 (build billing@v2 in local): waiting for billing@v2 to be published: build it (expand: billing@v2 accepts both the old and the new) and publish it, then run \`stepwise plan apply ${plan}\` again`,
      );
      assert.deepEqual(await progressOf(world, plan), ['done', 'waiting', 'pending']);
      const stored = await loadPlan(world.store.db, plan);
      assert.match(stored.progress[1]!.message ?? '', /waiting for billing@v2 to be published/);

      // applying again before publishing changes nothing and repeats nothing
      const still = await applyPlan(world.store.db, plan, options);
      assert.deepEqual(still.map((outcome) => outcome.status), ['done', 'waiting', 'pending']);

      await world.publish('v2', { service: 'billing', rollout: FAST });
      const resumed = await applyPlan(world.store.db, plan, options);
      assert.deepEqual(resumed.map((outcome) => outcome.status), ['done', 'done', 'done']);
      assert.equal(resumed[0]!.message, 'done earlier');
      assert.deepEqual(await progressOf(world, plan), ['done', 'done', 'done']);
      const rollouts = await world.store.db.selectFrom('rollouts').select('service').orderBy('id').execute();
      assert.deepEqual(rollouts.map((row) => row.service), ['orders', 'billing'], 'orders@v2 rolled out once, not again on resuming');
      assert.deepEqual(await liveVersions(world, 'billing'), ['v2@default']);

      // a deploy of an unpublished version waits too, naming the service and version
      const later = await storePlan(world, [deploy('orders', 'v3')]);
      const waiting = await applyPlan(world.store.db, later, options);
      assert.equal(waiting[0]!.status, 'waiting');
      assert.match(waiting[0]!.message, /^step 1 \(deploy orders@v3 in local\): waiting for orders@v3 to be published: publish it, then run `stepwise plan apply \d+` again$/);
    } finally {
      await plane.close();
    }
  });
});

test('plan apply resumed while the rollout of a deploy step still runs follows that rollout instead of starting another', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { rollout: { canary: { steps: [{ weight: 50 }, { pause: {} }] } } });
    await world.deploy('v1');
    const plane = await controlPlane(world);
    try {
      const plan = await storePlan(world, [deploy('orders', 'v2')]);
      // an earlier execution started the rollout, then the server stopped with the step running
      const earlier = await plane.start('v2');
      await world.store.db.updateTable('plan_steps').set({ status: 'running' }).where('plan_id', '=', plan).execute();
      await plane.phase(earlier.id, 'paused');
      const applying = applyPlan(world.store.db, plan, options);
      await requestRollout(world.store.db, earlier.id, { kind: 'promote', full: true }, 'alice', new Date().toISOString());
      plane.runner.kick();
      const outcomes = await applying;
      assert.deepEqual(outcomes.map((outcome) => [outcome.status, outcome.rollout]), [['done', earlier.id]]);
      assert.equal((await world.store.db.selectFrom('rollouts').select('id').execute()).length, 1);
      assert.deepEqual(await liveVersions(world), ['v2@default']);
    } finally {
      await plane.close();
    }
  });
});
