import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.ts';

// The Reader/Writer story: Writer 1 stores XML reports, Writer 2 JSON; Reader 1 reads only XML.
const schema = (name: string) => ({
  kind: 'jsonschema' as const,
  entry: `${name}.schema.json`,
  files: { [`${name}.schema.json`]: JSON.stringify({ type: 'object', required: ['total'], properties: { total: { type: 'number' } } }) },
});
const writer = (version: string, mediaType: string) => ({
  version,
  owner: 'team-reports',
  provides: [{ interface: 'store:reports', kind: 'jsonschema', formats: { [mediaType]: schema('report') } }],
  consumes: [],
});
const reader = (version: string, mediaTypes: string[]) => ({
  version,
  owner: 'team-reports',
  provides: [],
  consumes: [{ interface: 'store:reports', kind: 'jsonschema', formats: Object.fromEntries(mediaTypes.map((m) => [m, schema('report')])) }],
});

let server: TestServer;
before(async () => {
  server = await startTestServer();
  for (const [service, body] of [
    ['writer', writer('1', 'application/xml')],
    ['writer', writer('2', 'application/json')],
    ['reader', reader('1', ['application/xml'])],
  ] as const) {
    assert.equal((await server.request('POST', `/v1/services/${service}/versions`, body)).status, 201);
  }
  await server.request('POST', '/v1/environments', { name: 'production' });
  for (const [service, version] of [
    ['writer', '1'],
    ['reader', '1'],
  ]) {
    await server.request('POST', '/v1/environments/production/deployments', { service, version, kind: 'deployed' });
  }
});
after(() => server.close());

test('whoami tells the dashboard what the token may do', async () => {
  const admin = await server.request('GET', '/v1/whoami');
  assert.equal(admin.body.scope, 'admin');
  assert.equal(admin.body.services, null);
  const created = await server.request('POST', '/v1/tokens', { name: 'viewer', scope: 'read' });
  const viewer = await server.request('GET', '/v1/whoami', undefined, created.body.secret);
  assert.deepEqual([viewer.body.scope, viewer.body.services], ['read', null]);
  assert.equal((await server.request('GET', '/v1/whoami', undefined, 'stw_wrong')).status, 401);
});

test('the graph colours a link compatible, then breaking once a second writer version writes JSON', async () => {
  const calm = await server.request('GET', '/v1/environments/production/graph');
  assert.equal(calm.status, 200);
  assert.deepEqual(
    calm.body.links.map((l: { consumer: string; provider: string; status: string }) => [l.consumer, l.provider, l.status]),
    [['reader', 'writer', 'compatible']],
  );
  await server.request('POST', '/v1/environments/production/deployments', { service: 'writer', version: '2', kind: 'deployed', target: 'canary' });
  const mixed = await server.request('GET', '/v1/environments/production/graph');
  const link = mixed.body.links[0];
  assert.equal(link.status, 'breaking');
  assert.match(link.problems.join('\n'), /reader@1 -> writer@2: FORMAT_READ_BY_CONSUMER/);
  assert.deepEqual(mixed.body.services, [
    { service: 'reader', versions: ['1'] },
    { service: 'writer', versions: ['1', '2'] },
  ]);
  assert.equal((await server.request('GET', '/v1/environments/nowhere/graph')).status, 404);
});

test('the diff between two versions names the changed interface and the rule', async () => {
  const diff = await server.request('GET', '/v1/services/writer/diff?from=1&to=2');
  assert.equal(diff.status, 200);
  assert.equal(diff.body.breaking, true);
  const reports = diff.body.interfaces.find((i: { interface: string }) => i.interface === 'store:reports');
  assert.equal(reports.change, 'changed');
  assert.ok(reports.findings.some((f: { rule: string; severity: string }) => f.severity === 'breaking'));
  const missing = await server.request('GET', '/v1/services/writer/diff?from=1&to=9');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.where.pointer, '/to');
});

test('the dashboard files are served without a token', async () => {
  const response = await fetch(`${server.url}/`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /Stepwise|dashboard is not built/);
});
