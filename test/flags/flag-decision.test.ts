import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { publication } from '../store/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// `users` consumes http:accounts as an optional dependency behind the flag `use-accounts`, and no
// version of accounts runs in production: whether users may deploy depends on that flag's state.
let server: TestServer;
/** Whether the decision treated use-accounts as off (it says so in the skipped-dependency reason). */
const decisionSeesFlagOff = async () => {
  const answer = await server.request('POST', '/v1/can-i-deploy', { environment: 'production', service: 'users', version: '1.0.0' });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const skipped = (answer.body.reasons as Array<{ code: string; interface?: string; message: string }>).find(
    (reason) => reason.code === 'OPTIONAL_DEPENDENCY_SKIPPED' && reason.interface === 'http:accounts',
  );
  return skipped !== undefined && /use-accounts, which is off/.test(skipped.message);
};
const change = async (body: unknown) => {
  const answer = await server.request('POST', '/v1/environments/production/flags/use-accounts/changes', body);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
};

before(async () => {
  server = await startTestServer({ store: 'sqlite' });
  await server.request('POST', '/v1/environments', { name: 'production' });
  assert.equal((await server.request('POST', '/v1/services/users/versions', publication('1.0.0'))).status, 201);
  assert.equal((await server.request('POST', '/v1/flags', { name: 'use-accounts' })).status, 201);
});
after(async () => server?.close());

test('can-i-deploy reads the flag from the flag store: off, rolled out to some, killed', async () => {
  assert.equal(await decisionSeesFlagOff(), true);
  await change({ change: { kind: 'rollout', percent: 5 }, reason: 'try accounts for 5%' });
  assert.equal(await decisionSeesFlagOff(), false);
  await change({ change: { kind: 'kill' }, reason: 'accounts is not there' });
  assert.equal(await decisionSeesFlagOff(), true);
});

test('a flag on only while accounts is fully rolled out stays off for the decision while accounts is absent', async () => {
  await change({ change: { kind: 'revive' }, reason: 'guarded now' });
  assert.equal(await decisionSeesFlagOff(), false);
  await change({ change: { kind: 'update', conditions: [{ kind: 'fully-rolled-out', service: 'accounts', version: '1.0.0' }] }, reason: 'only once accounts is out' });
  assert.equal(await decisionSeesFlagOff(), true);
});
