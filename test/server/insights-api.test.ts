import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.ts';

// A real server over a fresh SQLite file. Deployments are recorded through the API, so they carry
// the server's clock: the test asserts what the order of events decides, not exact durations.
const schema = {
  kind: 'jsonschema' as const,
  entry: 'report.schema.json',
  files: { 'report.schema.json': JSON.stringify({ type: 'object', properties: { total: { type: 'number' } } }) },
};
const publication = (version: string, role: 'provides' | 'consumes') => ({
  version,
  provides: role === 'provides' ? [{ interface: 'store:reports', kind: 'jsonschema', formats: { 'application/json': schema } }] : [],
  consumes: role === 'consumes' ? [{ interface: 'store:reports', kind: 'jsonschema', formats: { 'application/json': schema } }] : [],
});

let server: TestServer;
let startedAt: string;
before(async () => {
  server = await startTestServer();
  startedAt = new Date(Date.now() - 1000).toISOString();
  for (const [service, version, role] of [
    ['writer', '1.0.0', 'provides'],
    ['writer', '2.0.0', 'provides'],
    ['reader', '1.0.0', 'consumes'],
    ['reader', '1.1.0', 'consumes'],
  ] as const) {
    const published = await server.request('POST', `/v1/services/${service}/versions`, publication(version, role));
    assert.equal(published.status, 201, JSON.stringify(published.body));
  }
  assert.equal((await server.request('POST', '/v1/environments', { name: 'production' })).status, 201);
  // A release train: both services each time. The second train is reverted, except that reader
  // 1.1.0 is recorded once more on a second target.
  for (const [writer, reader, target] of [
    ['1.0.0', '1.0.0', 'default'],
    ['2.0.0', '1.1.0', 'default'],
    ['2.0.0', '1.1.0', 'eu'],
    ['1.0.0', '1.0.0', 'default'],
  ]) {
    for (const [service, version] of [
      ['writer', writer],
      ['reader', reader],
    ]) {
      const recorded = await server.request('POST', '/v1/environments/production/deployments', { service, version, kind: 'deployed', target });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    }
  }
});
after(() => server.close());

test('insights count deployments, the revert as a failure, follow-ups as rework, and the pair deploying together', async () => {
  const response = await server.request('GET', '/v1/environments/production/insights');
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const { period, services, coDeployments, reworkWindowMinutes } = response.body;
  assert.equal(Date.parse(period.until) - Date.parse(period.since), 30 * 24 * 3_600_000);
  assert.equal(reworkWindowMinutes, 240);
  assert.deepEqual(
    services.map((s: any) => [s.service, s.deployments, s.failures, s.reworks, s.leadTime.measured, s.timeToRestore.restored]),
    // Each: 1 -> 2 (recorded on two targets: one deployment) -> back to 1. The second version
    // failed and was restored by the revert; both later deployments came within the rework window.
    [
      ['reader', 3, 1, 2, 2, 1],
      ['writer', 3, 1, 2, 2, 1],
    ],
  );
  const writer = services[1];
  assert.equal(writer.changeFailureRate, 1 / 3);
  assert.equal(writer.reworkRate, 2 / 3);
  assert.equal(writer.perWeek, (3 / 30) * 7);
  assert.ok(writer.leadTime.median >= 0 && writer.leadTime.p90 >= writer.leadTime.median, JSON.stringify(writer.leadTime));
  assert.ok(writer.timeToRestore.median >= 0);
  assert.deepEqual(coDeployments, [{ services: ['reader', 'writer'], together: 3, ratio: 1 }]);
});

test('a period that ended before anything was deployed lists no services', async () => {
  const response = await server.request('GET', `/v1/environments/production/insights?since=2020-01-01T00:00:00Z&until=${encodeURIComponent(startedAt)}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.deepEqual(response.body.services, []);
  assert.deepEqual(response.body.period, { since: '2020-01-01T00:00:00.000Z', until: startedAt });
});

test('a read token may ask; no token may not', async () => {
  const token = await server.request('POST', '/v1/tokens', { name: 'viewer', scope: 'read' });
  assert.equal((await server.request('GET', '/v1/environments/production/insights', undefined, token.body.secret)).status, 200);
  assert.equal((await server.request('GET', '/v1/environments/production/insights', undefined, null)).status, 401);
});

test('an unknown environment is 404; a bad date or an empty period is 400 naming the parameter', async () => {
  const missing = await server.request('GET', '/v1/environments/nowhere/insights');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'NOT_FOUND');
  const bad = await server.request('GET', '/v1/environments/production/insights?since=yesterday');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.where.pointer, '/querystring/since');
  const backwards = await server.request('GET', '/v1/environments/production/insights?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z');
  assert.equal(backwards.status, 400);
  assert.equal(backwards.body.error.where.pointer, '/querystring/since');
  const window = await server.request('GET', '/v1/environments/production/insights?reworkWindow=0');
  assert.equal(window.status, 400);
  assert.equal(window.body.error.where.pointer, '/querystring/reworkWindow');
});
