import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publication } from '../store/fixtures.ts';

describe('server options', () => {
  let open: TestServer;
  before(async () => {
    open = await startTestServer({ openReads: true, bodyLimit: 2_000 });
  });
  after(async () => open?.close());

  test('--open-reads lets reads through without a token, never writes', async () => {
    assert.equal((await open.request('GET', '/v1/status', undefined, null)).status, 200);
    assert.equal((await open.request('GET', '/v1/audit', undefined, null)).status, 200);
    assert.equal((await open.request('POST', '/v1/environments', { name: 'dev' }, null)).status, 401);
  });

  test('a body past the limit is a 413 with the code, and nothing is written', async () => {
    const big = publication('1.0.0', { description: 'x'.repeat(5_000) });
    const response = await open.request('POST', '/v1/services/big/versions', big);
    assert.equal(response.status, 413);
    assert.equal(response.body.error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal((await open.request('GET', '/v1/services/big')).status, 404);
  });

  test('unknown routes answer 404 in the error shape', async () => {
    const response = await open.request('GET', '/v1/nothing-here');
    assert.deepEqual([response.status, response.body.error.code], [404, 'NOT_FOUND']);
  });
});

describe('status caching', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.close());

  test('the status body is reused until something changes, and answers 304 to its ETag', async () => {
    await server.request('POST', '/v1/environments', { name: 'dev' });
    await server.request('POST', '/v1/services/users/versions', publication('1.0.0'));
    const first = await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const unchanged = await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${server.adminToken}`, 'if-none-match': etag } });
    assert.equal(unchanged.status, 304);
    // A proxy that compresses turns the tag weak; a cache may send every tag it holds.
    for (const asked of [`W/${etag}`, `"other", ${etag}`]) {
      const again = await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${server.adminToken}`, 'if-none-match': asked } });
      assert.equal(again.status, 304, asked);
    }
    await server.request('POST', '/v1/environments/dev/deployments', { service: 'users', version: '1.0.0', kind: 'deployed' });
    const changed = await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${server.adminToken}`, 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(changed.headers.get('content-encoding'), 'gzip', 'fetch asks for gzip and gets it');
    const body = (await changed.json()) as { services: { live: { dev?: { version: string }[] } }[] };
    const plain = await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${server.adminToken}`, 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.deepEqual(await plain.json(), body, 'a client without gzip gets the same document');
    assert.deepEqual(body.services[0]?.live.dev?.map((entry) => entry.version), ['1.0.0']);
  });
});
