import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { RemoteFlagSource } from '../../src/flags/client/remote-flag-source.ts';
import type { FlagSnapshot } from '../../src/flags/evaluate/flag-set.ts';
import { createPostgresDatabase, type TestDatabase } from '../support/databases.ts';
import { spawnFlagServer, type ServerProcess } from './support/spawn-flag-server.ts';

// Two server replicas on one PostgreSQL database, as in production: a change made through one
// reaches a client streaming from the other through that replica's poll.
const POLL_MS = 200;
let database: TestDatabase;
let first: ServerProcess;
let second: ServerProcess;

before(async () => {
  database = await createPostgresDatabase();
  // one after the other: two replicas starting at once with the same admin token race on creating it
  const options = { postgresUrl: database.url, adminToken: `stw_replicas_${randomBytes(12).toString('hex')}`, env: { STEPWISE_FLAG_POLL_MS: String(POLL_MS) } };
  first = await spawnFlagServer(options);
  second = await spawnFlagServer(options);
  assert.equal((await first.request('POST', '/v1/environments', { name: 'production' })).status, 201);
  assert.equal((await first.request('POST', '/v1/flags', { name: 'checkout' })).status, 201);
});
after(async () => {
  await first?.stop();
  await second?.stop();
  await database?.drop();
});

test('a change through one replica reaches a stream on the other within its poll', async () => {
  const source = new RemoteFlagSource({ url: second.url, environment: 'production', token: second.adminToken, intervalMs: 60_000 });
  await source.start();
  try {
    const arrived = new Promise<FlagSnapshot>((resolve) => source.onChange(resolve));
    const started = performance.now();
    const change = await first.request('POST', '/v1/environments/production/flags/checkout/changes', { change: { kind: 'rollout', percent: 20 }, reason: 'through replica one' });
    assert.equal(change.status, 200);
    const snapshot = await arrived;
    const took = performance.now() - started;
    assert.equal(snapshot.flags[0]!.strategies[0]!.parameters!.rollout, 20);
    // the poll period plus generous room for a loaded machine
    assert.ok(took < POLL_MS + 1500, `took ${took.toFixed(0)} ms`);
  } finally {
    await source.close();
  }
});
