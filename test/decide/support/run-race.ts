import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreKind } from '../../support/databases.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';

const ENV = 'production';
const schema = (fields: string[], closed: boolean) => ({
  kind: 'jsonschema',
  entry: 'order.json',
  files: {
    'order.json': JSON.stringify({
      type: 'object',
      required: fields,
      properties: Object.fromEntries(fields.map((field) => [field, { type: field === 'id' ? 'string' : 'number' }])),
      ...(closed ? { additionalProperties: false } : {}),
    }),
  },
});

// producer@2 stops writing total; consumer@2 starts requiring it. Each is safe alone, not together.
const VERSIONS = [
  { service: 'producer', version: '1', provides: [{ interface: 'event:orders', kind: 'jsonschema', contract: schema(['id', 'total'], true) }], consumes: [] },
  { service: 'producer', version: '2', provides: [{ interface: 'event:orders', kind: 'jsonschema', contract: schema(['id'], true) }], consumes: [] },
  { service: 'consumer', version: '1', provides: [], consumes: [{ interface: 'event:orders', kind: 'jsonschema', contract: schema(['id'], false) }] },
  { service: 'consumer', version: '2', provides: [], consumes: [{ interface: 'event:orders', kind: 'jsonschema', contract: schema(['id', 'total'], false) }] },
];

/**
 * Many concurrent `deploy --check` calls of conflicting versions over real HTTP. Whatever order
 * the server takes them in, replaying the recorded events must never show the unsafe pair live.
 */
export function runRace(store: StoreKind): void {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ store });
    assert.equal((await server.request('POST', '/v1/environments', { name: ENV })).status, 201);
    for (const { service, ...body } of VERSIONS) {
      const published = await server.request('POST', `/v1/services/${service}/versions`, body);
      assert.equal(published.status, 201, JSON.stringify(published.body));
    }
    for (const [service, version] of [['producer', '1'], ['consumer', '1']]) {
      assert.equal((await server.request('POST', `/v1/environments/${ENV}/deployments`, { service, version, kind: 'deployed' })).status, 201);
    }
  });
  after(() => server?.close());

  test(`${store}: concurrent checked deployments never leave producer@2 and consumer@2 live together`, async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => [['producer', '2'], ['consumer', '2'], ['producer', '1'], ['consumer', '1']][i % 4]!);
    const results = await Promise.all(
      attempts.map(async ([service, version]) => {
        const response = await server.request('POST', `/v1/environments/${ENV}/checked-deployments`, { service, version });
        assert.ok(response.status === 200 || response.status === 201, JSON.stringify(response.body));
        return { service, version, deployed: response.body.deployed as boolean, verdict: response.body.decision.verdict as string };
      }),
    );
    const refused = results.filter((result) => !result.deployed);
    assert.ok(refused.length > 0, 'some attempts conflicted and were refused');
    assert.ok(refused.every((result) => result.verdict === 'no'));
    assert.ok(results.some((result) => result.deployed && result.version === '2'), 'one of the conflicting versions went out');

    const events = await server.request('GET', `/v1/environments/${ENV}/deployments?limit=1000`);
    const ordered = (events.body.events as { id: number; service: string; version: string; kind: string }[]).sort((a, b) => a.id - b.id);
    assert.equal(ordered.length, 2 + results.filter((result) => result.deployed).length, 'exactly the accepted attempts were recorded');
    const live = new Map<string, string>();
    for (const event of ordered) {
      live.set(event.service, event.version);
      assert.ok(!(live.get('producer') === '2' && live.get('consumer') === '2'), `unsafe pair live after event ${event.id}`);
    }
  });
}
