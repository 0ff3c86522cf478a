import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../../src/server/app.ts';
import { ensureAdminToken } from '../../../src/store/tokens/token-store.ts';
import { createFlag } from '../../../src/store/flags/create-flag.ts';
import { listFlagEvents } from '../../../src/store/flags/list-flag-events.ts';
import { savePlan } from '../../../src/store/plans/save-plan.ts';
import { writeTransaction } from '../../../src/store/write-transaction.ts';
import type { PlanStep } from '../../../src/plan/plan.ts';
import { runCli } from '../../support/cli.ts';
import { controlPlane, liveVersions, withWorld } from '../e2e/harness.ts';

const TOKEN = 'stw_test_plan_apply_api';

test('stepwise plan apply over the API: a flag step, then a stop at an unpublished version with what to publish, then resuming', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.deploy('v1');
    await createFlag(world.store.db, { name: 'fast-path', environments: ['local'], actor: 'test' });
    await ensureAdminToken(world.store.db, TOKEN);
    const steps: PlanStep[] = [
      { action: 'enable-flag', environment: 'local', flag: 'fast-path', reversible: true, reason: 'its providers are live' },
      { action: 'deploy', environment: 'local', service: 'orders', version: 'v2', from: 'v1', reversible: true, reason: 'test plan' },
    ];
    const plan = await writeTransaction(world.store.db, (trx) =>
      savePlan(trx, { environments: ['local'], targets: [], plan: { environments: ['local'], steps, lockstep: [] }, actor: 'test', at: new Date().toISOString() }),
    );
    const plane = await controlPlane(world);
    const app = await buildApp({ store: world.store });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const env = { STEPWISE_URL: base, STEPWISE_TOKEN: TOKEN };
    try {
      const stopped = await runCli(['plan', 'apply', String(plan)], { env });
      assert.equal(stopped.code, 1, stopped.stderr);
      assert.match(stopped.stdout, /step 1: done    enable-flag fast-path in local\n/);
      assert.match(stopped.stdout, /step 2: waiting deploy orders@v2 in local\n  step 2 \(deploy orders@v2 in local\): waiting for orders@v2 to be published: publish it, then run `stepwise plan apply \d+` again\n/);
      const read = await fetch(`${base}/v1/plans/${plan}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = (await read.json()) as { progress: Array<{ status: string; message?: string }> };
      assert.deepEqual(body.progress.map((step) => step.status), ['done', 'waiting']);
      assert.match(body.progress[1]!.message ?? '', /waiting for orders@v2 to be published/);

      await world.publish('v2', { rollout: { canary: { steps: [{ weight: 50 }, { pause: '200ms' }] }, progressDeadline: '2s' } });
      const resumed = await runCli(['plan', 'apply', String(plan), '--json'], { env, timeoutMs: 60_000 });
      assert.equal(resumed.code, 0, resumed.stderr);
      const lines = resumed.stdout.trim().split('\n').map((line) => JSON.parse(line) as { position: number; status: string });
      assert.deepEqual(lines.at(-1), { ...lines.at(-1), position: 2, status: 'done' });
      assert.deepEqual(await liveVersions(world), ['v2@default']);
      // the flag step ran once: its creation and one change, nothing repeated on resuming
      assert.deepEqual((await listFlagEvents(world.store.db, 'fast-path', 'local')).map((event) => event.action), ['enable', 'created']);
    } finally {
      await app.close();
      await plane.close();
    }
  });
});
