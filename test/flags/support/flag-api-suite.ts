import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenFeature, ProviderEvents, type EventDetails } from '@openfeature/server-sdk';
import { RemoteFlagSource } from '../../../src/flags/client/remote-flag-source.ts';
import type { FlagSnapshot } from '../../../src/flags/evaluate/flag-set.ts';
import { StepwiseProvider } from '../../../src/flags/openfeature/provider.ts';
import { publication } from '../../store/fixtures.ts';
import type { StoreKind } from '../../support/databases.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';

/** The flags API over a real port, on either database. */
export function flagApiSuite(kind: StoreKind): void {
  describe(`flags API on ${kind}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ store: kind });
      for (const name of ['staging', 'production']) assert.equal((await server.request('POST', '/v1/environments', { name })).status, 201);
    });
    after(async () => server?.close());

    test('create, roll out, kill: each change answers with who and why; history lists them', async () => {
      const created = await server.request('POST', '/v1/flags', { name: 'new-queue', description: 'enqueue via the queue' });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body.flags.map((flag: { environment: string }) => flag.environment), ['staging', 'production']);
      const rollout = await server.request('POST', '/v1/environments/production/flags/new-queue/changes', {
        change: { kind: 'rollout', percent: 30, stickiness: 'userId', groupId: 'queue' },
        reason: 'first 30%',
      });
      assert.equal(rollout.status, 200);
      assert.deepEqual(rollout.body.flag.definition.strategies, [{ name: 'flexibleRollout', parameters: { rollout: 30, stickiness: 'userId', groupId: 'queue' } }]);
      assert.equal(rollout.body.flag.updateReason, 'first 30%');
      assert.match(rollout.body.flag.updatedBy, /admin/);
      const history = await server.request('GET', '/v1/environments/production/flags/new-queue/events');
      assert.deepEqual(history.body.events.map((event: { action: string; reason?: string }) => [event.action, event.reason]), [['rollout', 'first 30%'], ['created', undefined]]);
      const list = await server.request('GET', '/v1/flags?environment=production');
      assert.deepEqual(list.body.flags.map((flag: { name: string; revision: number }) => [flag.name, flag.revision]), [['new-queue', 2]]);
    });

    test('bad input: 400 at the field or 404 for the flag, and the flag is unchanged', async () => {
      const before = await server.request('GET', '/v1/environments/production/flags/new-queue');
      const outOfRange = await server.request('POST', '/v1/environments/production/flags/new-queue/changes', { change: { kind: 'rollout', percent: 101 }, reason: 'oops' });
      assert.deepEqual([outOfRange.status, outOfRange.body.error.code, outOfRange.body.error.where.pointer], [400, 'BAD_INPUT', '/strategies/0/parameters/rollout']);
      const conflicting = await server.request('POST', '/v1/environments/production/flags/new-queue/changes', {
        change: { kind: 'update', variants: [{ name: 'a', weight: 500, stickiness: 'userId' }, { name: 'b', weight: 500, stickiness: 'tenant' }] },
        reason: 'variants',
      });
      assert.equal(conflicting.status, 400);
      assert.match(conflicting.body.error.message, /conflicting variants/);
      const noReason = await server.request('POST', '/v1/environments/production/flags/new-queue/changes', { change: { kind: 'kill' } });
      assert.deepEqual([noReason.status, noReason.body.error.where.pointer], [400, '/reason']);
      const unknown = await server.request('POST', '/v1/environments/production/flags/ghost/changes', { change: { kind: 'kill' }, reason: 'x' });
      assert.equal(unknown.status, 404);
      const readOnly = await server.request('POST', '/v1/environments/production/flags/new-queue/changes', { change: { kind: 'kill' }, reason: 'x' }, null);
      assert.equal(readOnly.status, 401);
      assert.deepEqual(await server.request('GET', '/v1/environments/production/flags/new-queue'), before);
    });

    test('single and bulk evaluation agree; an unknown flag is off with FLAG_NOT_FOUND', async () => {
      const users = Array.from({ length: 200 }, (_, i) => ({ userId: `user-${i}` }));
      const bulk = await server.request('POST', '/v1/environments/production/flags/evaluate', { contexts: users, flags: ['new-queue', 'ghost'] });
      assert.equal(bulk.status, 200);
      const on = bulk.body.results.filter((row: Array<{ enabled: boolean }>) => row[0]!.enabled).length;
      assert.ok(on > 30 && on < 90, `${on} of 200 in a 30% rollout`);
      assert.deepEqual(bulk.body.results[0][1], { flag: 'ghost', enabled: false, variant: 'disabled', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
      for (const index of [0, 1, 2, 3, 4]) {
        const single = await server.request('POST', '/v1/environments/production/flags/new-queue/evaluate', { context: users[index] });
        assert.deepEqual(single.body, bulk.body.results[index][0]);
      }
      const missingEnv = await server.request('POST', '/v1/environments/nowhere/flags/evaluate', { contexts: [{}] });
      assert.equal(missingEnv.status, 404);
      const malformed = await server.request('POST', '/v1/environments/production/flags/evaluate', { contexts: [{ userId: 'a' }, 'u2'] });
      assert.deepEqual([malformed.status, malformed.body.error.code, malformed.body.error.where.pointer], [400, 'BAD_INPUT', '/contexts/1']);
    });

    test('ETag polling answers 304 until something changes', async () => {
      const first = await fetch(`${server.url}/v1/environments/production/flags/snapshot`, { headers: { authorization: `Bearer ${server.adminToken}` } });
      const etag = first.headers.get('etag')!;
      const body = (await first.json()) as FlagSnapshot;
      assert.equal(etag, `"${body.revision}"`);
      const again = await fetch(`${server.url}/v1/environments/production/flags/snapshot`, { headers: { authorization: `Bearer ${server.adminToken}`, 'if-none-match': etag } });
      assert.equal(again.status, 304);
      await server.request('POST', '/v1/environments/production/flags/new-queue/changes', { change: { kind: 'rollout', percent: 40 }, reason: 'widen' });
      const changed = await fetch(`${server.url}/v1/environments/production/flags/snapshot`, { headers: { authorization: `Bearer ${server.adminToken}`, 'if-none-match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
    });

    test('the OpenFeature provider follows the stream: a kill and a deployment reach it over the stream', async () => {
      const provider = new StepwiseProvider({ url: server.url, environment: 'production', token: server.adminToken, intervalMs: 60_000 });
      await OpenFeature.setProviderAndWait('api-stream', provider);
      const client = OpenFeature.getClient('api-stream');
      const nextChange = () => new Promise<string[]>((resolve) => {
        const handler = (event?: EventDetails<ProviderEvents>) => {
          client.removeHandler(ProviderEvents.ConfigurationChanged, handler);
          resolve((event as { flagsChanged?: string[] } | undefined)?.flagsChanged ?? []);
        };
        client.addHandler(ProviderEvents.ConfigurationChanged, handler);
      });
      try {
        const inRollout = Array.from({ length: 50 }, (_, i) => `user-${i}`);
        const answers = await Promise.all(inRollout.map((id) => client.getBooleanValue('new-queue', false, { targetingKey: id })));
        assert.ok(answers.includes(true) && answers.includes(false));

        let changed = nextChange();
        await server.request('POST', '/v1/environments/production/flags/new-queue/changes', { change: { kind: 'kill' }, reason: 'errors' });
        assert.deepEqual(await changed, ['new-queue']);
        const killed = await client.getBooleanDetails('new-queue', true, { targetingKey: 'user-1' });
        assert.deepEqual([killed.value, killed.reason], [false, 'KILLED']);

        // a flag on only while worker >= 2.0.0 is fully rolled out follows deployments
        changed = nextChange();
        await server.request('POST', '/v1/flags', { name: 'worker-v2-path', environments: ['production'] });
        assert.deepEqual(await changed, ['worker-v2-path']);
        changed = nextChange();
        await server.request('POST', '/v1/environments/production/flags/worker-v2-path/changes', {
          change: { kind: 'update', enabled: true, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] },
          reason: 'ship with worker 2',
        });
        await changed;
        assert.equal((await client.getBooleanDetails('worker-v2-path', true)).reason, 'DEPLOYMENT_CONDITION');
        assert.equal((await server.request('POST', '/v1/services/worker/versions', publication('2.0.0'))).status, 201);
        changed = nextChange();
        assert.equal((await server.request('POST', '/v1/environments/production/deployments', { service: 'worker', version: '2.0.0', kind: 'deployed' })).status, 201);
        assert.ok((await changed).includes('worker-v2-path'));
        assert.equal(await client.getBooleanValue('worker-v2-path', false), true);
      } finally {
        await OpenFeature.clearProviders();
      }
    });

    test('the OpenAPI document describes every flags route', async () => {
      const { status, body } = await server.request('GET', '/openapi.json', undefined, null);
      assert.equal(status, 200);
      for (const path of [
        '/v1/flags',
        '/v1/environments/{environment}/flags/{name}/changes',
        '/v1/environments/{environment}/flags/evaluate',
        '/v1/environments/{environment}/flags/snapshot',
        '/v1/environments/{environment}/flags/stream',
        '/v1/environments/{environment}/unleash/client/features',
      ]) {
        assert.ok(body.paths[path], `${path} is documented`);
      }
      assert.ok(body.paths['/v1/environments/{environment}/flags/stream'].get.responses['200'].content['text/event-stream']);
    });

    test('a polling source sees a change on its next poll', async () => {
      const source = new RemoteFlagSource({ url: server.url, environment: 'staging', token: server.adminToken, mode: 'poll', intervalMs: 50 });
      const first = await source.start();
      const seen = new Promise<FlagSnapshot>((resolve) => source.onChange(resolve));
      await server.request('POST', '/v1/environments/staging/flags/new-queue/changes', { change: { kind: 'enable' }, reason: 'on in staging' });
      const next = await seen;
      assert.notEqual(next.revision, first.revision);
      assert.equal(next.flags.find((flag) => flag.name === 'new-queue')!.enabled, true);
      await source.close();
    });
  });
}
