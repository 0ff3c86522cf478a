import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreKind } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publication, usersOpenapi } from '../store/fixtures.ts';

/** The REST API over a real port, on either database. */
export function apiSuite(kind: StoreKind): void {
  describe(`API on ${kind}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ store: kind });
    });
    after(async () => server?.close());

    test('healthz answers without a token and names the database', async () => {
      const health = await server.request('GET', '/healthz', undefined, null);
      assert.deepEqual(health, { status: 200, body: { status: 'ok', database: kind } });
    });

    test('the OpenAPI 3.1 document comes from the route schemas', async () => {
      const { status, body } = await server.request('GET', '/openapi.json', undefined, null);
      assert.equal(status, 200);
      assert.equal(body.openapi, '3.1.0');
      const publish = body.paths['/v1/services/{service}/versions'].post;
      assert.ok(publish.requestBody.content['application/json'].schema.properties.provides);
      assert.ok(publish.responses['409']);
      for (const path of ['/v1/status', '/v1/environments/{environment}/deployments', '/v1/tokens', '/v1/audit', '/v1/contracts/{hash}']) {
        assert.ok(body.paths[path], `${path} is documented`);
      }
    });

    test('publish: created, then unchanged, then 409 naming the difference', async () => {
      const first = await server.request('POST', '/v1/services/users/versions', publication('1.0.0'));
      assert.equal(first.status, 201);
      assert.equal(first.body.status, 'created');
      const again = await server.request('POST', '/v1/services/users/versions', publication('1.0.0'));
      assert.deepEqual([again.status, again.body.status], [200, 'unchanged']);
      const changed = await server.request('POST', '/v1/services/users/versions', publication('1.0.0', { run: { command: 'node other.js' } }));
      assert.equal(changed.status, 409);
      assert.equal(changed.body.error.code, 'CONFLICT');
      assert.deepEqual(changed.body.error.details.differences, ['run.command: "node server.js" -> "node other.js"']);
      const version = await server.request('GET', '/v1/services/users/versions/1.0.0');
      assert.equal(version.status, 200);
      assert.equal(version.body.provides[0].interface, 'http:users');
      const contract = await server.request('GET', `/v1/contracts/${version.body.provides[0].contract}`);
      assert.deepEqual(contract.body, usersOpenapi());
      const service = await server.request('GET', '/v1/services/users');
      assert.deepEqual(service.body.versions.map((entry: { version: string }) => entry.version), ['1.0.0']);
    });

    test('bad input is a 400 naming the field, and nothing is written', async () => {
      const missing = await server.request('POST', '/v1/services/users/versions', { provides: [], consumes: [] });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.code, 'BAD_INPUT');
      assert.equal(missing.body.error.where.pointer, '/version');
      const extra = await server.request('POST', '/v1/services/users/versions', { ...publication('1.9.0'), colour: 'red' });
      assert.equal(extra.status, 400);
      const mismatch = await server.request('POST', '/v1/services/users/versions', publication('1.9.0', { provides: [{ interface: 'http:users', kind: 'protobuf', contract: usersOpenapi() }] }));
      assert.equal(mismatch.status, 400);
      assert.equal(mismatch.body.error.where.pointer, '/provides/0/contract');
      const notJson = await server.request('POST', '/v1/services/users/versions', '{"version":');
      assert.equal(notJson.status, 400);
      assert.equal((await server.request('GET', '/v1/services/users/versions/1.9.0')).status, 404);
    });

    test('environments and deployments: deployed replaces, released accumulates, undeployed ends', async () => {
      assert.equal((await server.request('POST', '/v1/environments', { name: 'staging' })).status, 201);
      assert.equal((await server.request('POST', '/v1/environments', { name: 'production' })).status, 201);
      assert.equal((await server.request('POST', '/v1/environments', { name: 'staging' })).status, 409);
      const record = (body: object, env = 'production') => server.request('POST', `/v1/environments/${env}/deployments`, body);
      assert.equal((await record({ service: 'users', version: '1.0.0', kind: 'deployed' })).status, 201);
      const second = await record({ service: 'users', version: '1.1.0', kind: 'deployed', target: 'eu' });
      assert.deepEqual(second.body.live.map((entry: { version: string }) => entry.version), ['1.0.0', '1.1.0']);
      const replaced = await record({ service: 'users', version: '1.2.0', kind: 'deployed', target: 'eu' });
      assert.deepEqual(replaced.body.live.map((entry: { version: string }) => entry.version), ['1.0.0', '1.2.0']);
      const status = await server.request('GET', '/v1/status');
      assert.deepEqual(status.body.environments, ['staging', 'production']);
      const users = status.body.services.find((entry: { service: string }) => entry.service === 'users');
      assert.deepEqual(users.live.production.map((entry: { version: string; target: string }) => `${entry.version}@${entry.target}`), ['1.0.0@default', '1.2.0@eu']);
      assert.equal((await record({ service: 'users', version: '1.0.0', kind: 'undeployed' })).status, 201);
      const gone = await record({ service: 'users', version: '1.0.0', kind: 'undeployed' });
      assert.equal(gone.status, 404);
      assert.equal((await record({ service: 'nobody', version: '1.0.0', kind: 'deployed' })).status, 404);
      assert.equal((await record({ service: 'users', version: '1.0.0', kind: 'deployed' }, 'nowhere')).status, 404);
      assert.equal((await record({ service: 'users', version: '1.0.0', kind: 'shipped' })).status, 400);
      const events = await server.request('GET', '/v1/environments/production/deployments?service=users');
      assert.deepEqual(events.body.events.map((event: { kind: string }) => event.kind), ['undeployed', 'deployed', 'deployed', 'deployed']);
      const snapshot = await server.request('GET', '/v1/environments/production/snapshot');
      assert.deepEqual(snapshot.body.live.map((entry: { version: string }) => entry.version), ['1.2.0']);
      assert.equal((await server.request('GET', '/v1/status?env=nowhere')).status, 404);
    });

    test('concurrent deployment records over HTTP lose no event', async () => {
      const versions = Array.from({ length: 20 }, (_, index) => `5.0.${index}`);
      const results = await Promise.all(
        versions.map((version) => server.request('POST', '/v1/environments/staging/deployments', { service: 'users', version, kind: 'released' })),
      );
      assert.deepEqual(new Set(results.map((result) => result.status)), new Set([201]));
      const events = await server.request('GET', '/v1/environments/staging/deployments?limit=1000');
      assert.equal(events.body.events.length, versions.length);
      const status = await server.request('GET', '/v1/status?env=staging');
      const users = status.body.services.find((entry: { service: string }) => entry.service === 'users');
      assert.equal(users.live.staging.length, versions.length);
    });

    test('tokens: scopes, service binding, revocation', async () => {
      const create = async (body: object) => (await server.request('POST', '/v1/tokens', body)).body.secret as string;
      const reader = await create({ scope: 'read' });
      const publisher = await create({ scope: 'publish', services: ['users'] });
      const deployer = await create({ scope: 'deploy', services: ['orders'] });
      assert.equal((await server.request('GET', '/v1/status', undefined, null)).status, 401);
      assert.equal((await server.request('GET', '/v1/status', undefined, 'stw_wrong')).status, 401);
      assert.equal((await server.request('GET', '/v1/status', undefined, reader)).status, 200);
      const denied = await server.request('POST', '/v1/services/users/versions', publication('2.0.0'), reader);
      assert.deepEqual([denied.status, denied.body.error.code], [403, 'FORBIDDEN']);
      assert.equal((await server.request('POST', '/v1/services/users/versions', publication('2.0.0'), publisher)).status, 201);
      assert.equal((await server.request('POST', '/v1/services/orders/versions', publication('2.0.0'), publisher)).status, 403);
      const wrongService = await server.request('POST', '/v1/environments/production/deployments', { service: 'users', version: '2.0.0', kind: 'deployed' }, deployer);
      assert.equal(wrongService.status, 403);
      assert.match(wrongService.body.error.message, /bound to orders/);
      assert.equal((await server.request('POST', '/v1/environments', { name: 'qa' }, deployer)).status, 403);
      const listed = await server.request('GET', '/v1/tokens');
      assert.ok(!JSON.stringify(listed.body).includes(reader), 'secrets are never listed');
      const readerId = listed.body.tokens.find((token: { scope: string }) => token.scope === 'read').id;
      assert.equal((await server.request('DELETE', `/v1/tokens/${readerId}`)).status, 200);
      assert.equal((await server.request('GET', '/v1/status', undefined, reader)).status, 401);
      assert.equal((await server.request('GET', '/v1/tokens', undefined, publisher)).status, 403);
    });

    test('the audit log names who did what', async () => {
      const audit = await server.request('GET', '/v1/audit?limit=1000');
      const actions = new Set(audit.body.events.map((event: { action: string }) => event.action));
      for (const action of ['version.published', 'service.created', 'environment.created', 'deployment.deployed', 'deployment.undeployed', 'token.created', 'token.revoked']) {
        assert.ok(actions.has(action), `${action} is audited`);
      }
      const published = await server.request('GET', '/v1/audit?subject=service:users@2.0.0');
      assert.match(published.body.events[0].actor, /^publish:users \(tok_/);
    });
  });
}
