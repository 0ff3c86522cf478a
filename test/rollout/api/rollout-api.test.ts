import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../../src/server/app.ts';
import { ensureAdminToken } from '../../../src/store/tokens/token-store.ts';
import { readServerSentEvents } from '../../../src/http/server-sent-events.ts';
import { runCli } from '../../support/cli.ts';
import { controlPlane, withWorld } from '../e2e/harness.ts';

const TOKEN = 'stw_test_rollout_api';

/** Reads server-sent events until `stop` says so; returns them in order. */
async function readEvents(url: string, stop: (event: string, data: any) => boolean): Promise<Array<{ event: string; data: any }>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' } });
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const events: Array<{ event: string; data: any }> = [];
  for await (const { event, data } of readServerSentEvents(response.body!)) {
    events.push({ event, data: JSON.parse(data) });
    // returning from the loop cancels the stream
    if (stop(event, events.at(-1)!.data)) return events;
  }
  return events;
}

test('the API starts, refuses a second, streams, promotes and aborts rollouts; the CLI speaks it with --json', async () => {
  await withWorld(async (world) => {
    await world.publish('v1');
    await world.publish('v2', { rollout: { canary: { steps: [{ weight: 20 }, { pause: {} }] } } });
    await world.publish('v3', { rollout: { canary: { steps: [{ weight: 20 }, { pause: {} }] } } });
    await world.deploy('v1');
    await ensureAdminToken(world.store.db, TOKEN);
    const plane = await controlPlane(world);
    const app = await buildApp({ store: world.store });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const cliEnv = { STEPWISE_URL: base, STEPWISE_TOKEN: TOKEN };
    try {
      const started = await call('POST', '/v1/environments/local/rollouts', { service: 'orders', version: 'v2' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      assert.equal(started.body.verdict, 'yes');
      const id = started.body.rollout.id as number;
      assert.deepEqual(started.body.rollout.steps, ['20% of traffic to the new version', 'pause until promoted']);

      const second = await call('POST', '/v1/environments/local/rollouts', { service: 'orders', version: 'v3' });
      assert.equal(second.status, 409);
      assert.equal(second.body.error.code, 'ROLLOUT_IN_PROGRESS');
      assert.match(second.body.error.message, new RegExp(`^rollout #${id} of orders@v2 is already`));

      const unknown = await call('POST', '/v1/environments/local/rollouts', { service: 'orders', version: 'v9' });
      assert.equal(unknown.status, 404);

      const untilPaused = await readEvents(`${base}/v1/rollouts/${id}/events`, (event, data) => event === 'rollout' && data.phase === 'paused');
      assert.deepEqual(
        untilPaused.filter((event) => event.event === 'transition').map((event) => event.data.kind),
        ['queued', 'started', 'step', 'paused'],
      );

      const status = await runCli(['rollout', 'status', String(id), '--json'], { env: cliEnv });
      assert.equal(status.code, 0, status.stderr);
      assert.equal(JSON.parse(status.stdout).phase, 'paused');

      const promoted = await runCli(['rollout', 'promote', String(id), '--json'], { env: cliEnv });
      assert.equal(promoted.code, 0, promoted.stderr);
      const rest = await readEvents(`${base}/v1/rollouts/${id}/events`, (event, data) => event === 'rollout' && data.phase === 'succeeded');
      assert.ok(rest.some((event) => event.event === 'transition' && event.data.kind === 'succeeded'));

      const third = await call('POST', '/v1/environments/local/rollouts', { service: 'orders', version: 'v3' });
      assert.equal(third.status, 201);
      const aborted = await call('POST', `/v1/rollouts/${third.body.rollout.id}/abort`, { reason: 'testing the abort' });
      assert.equal(aborted.status, 200);
      const watched = await runCli(['rollout', 'status', String(third.body.rollout.id), '--watch'], { env: cliEnv });
      assert.equal(watched.code, 1, 'a rolled-back rollout exits 1');
      assert.match(watched.stdout, /aborted\s+testing the abort/);
      assert.match(watched.stdout, /phase: rolled-back/);

      const list = await call('GET', '/v1/rollouts?environment=local');
      assert.deepEqual(list.body.rollouts.map((rollout: { phase: string }) => rollout.phase), ['rolled-back', 'succeeded']);
      const audit = await world.store.db.selectFrom('audit_events').select('action').where('action', 'like', 'rollout.%').execute();
      assert.ok(audit.some((row) => row.action === 'rollout.promote-requested'));
      assert.ok(audit.some((row) => row.action === 'rollout.abort-requested'));
    } finally {
      await app.close();
      await plane.close();
    }
  });
});
