import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { StepwiseError } from '../../src/model/errors.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { recordAudit } from '../../src/store/audit/record-audit.ts';
import { listAuditEvents } from '../../src/store/audit/list-audit-events.ts';
import { withEnvironmentLock } from '../../src/store/environment-lock.ts';
import { recordDeployment } from '../../src/store/deployments/record-deployment.ts';
import { publishVersion } from '../../src/store/registry/publish-version.ts';
import { createEnvironment, listEnvironments } from '../../src/store/registry/environments.ts';
import { loadEnvironmentSnapshot, loadPublishedVersions } from '../../src/store/read-models/environment-snapshot.ts';
import { loadStatusMatrix } from '../../src/store/read-models/status-matrix.ts';
import { loadVersionDetails } from '../../src/store/read-models/version-details.ts';
import { createToken, ensureAdminToken, findTokenBySecret, hashSecret, listTokens, revokeToken } from '../../src/store/tokens/token-store.ts';
import { writeTransaction } from '../../src/store/write-transaction.ts';
import { freshStoreOptions, type StoreKind } from '../support/databases.ts';
import { publishInput, reportSchema, usersOpenapi } from './fixtures.ts';

const rejectsWith = (code: string) => (error: unknown) => error instanceof StepwiseError && error.code === code;

/** The one store suite; each database runs it from its own test file. */
export function storeSuite(kind: StoreKind): void {
  describe(`store on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let options: Awaited<ReturnType<typeof freshStoreOptions>>['options'];

    before(async () => {
      ({ options, cleanup } = await freshStoreOptions(kind));
      store = await openStore(options);
      await createEnvironment(store.db, { name: 'staging', actor: 'tester' });
      await createEnvironment(store.db, { name: 'production', actor: 'tester' });
      await createEnvironment(store.db, { name: 'dev', position: -1, actor: 'tester' });
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('migrations run on open and again on reopen without change', async () => {
      const again = await openStore(options);
      const applied = await sql<{ name: string }>`select name from stepwise_migrations order by name`.execute(again.db);
      assert.ok(applied.rows.some((row) => row.name === '0001-registry'));
      await again.close();
    });

    test('environments keep their promotion order and refuse duplicates', async () => {
      assert.deepEqual((await listEnvironments(store.db)).map((env) => env.name), ['dev', 'staging', 'production']);
      await assert.rejects(createEnvironment(store.db, { name: 'staging', actor: 'tester' }), rejectsWith('CONFLICT'));
    });

    test('publishing stores contracts once by hash; the same content again is a no-op', async () => {
      const first = await publishVersion(store.db, publishInput('users', '1.0.0'));
      assert.equal(first.status, 'created');
      const second = await publishVersion(store.db, publishInput('users', '1.1.0'));
      assert.equal(second.status, 'created');
      const again = await publishVersion(store.db, { ...publishInput('users', '1.0.0'), commit: 'other' });
      assert.equal(again.status, 'unchanged');
      const contracts = await store.db.selectFrom('contracts').select('hash').execute();
      assert.equal(contracts.length, 2, 'two distinct documents, shared by both versions');
      const versions = await store.db.selectFrom('versions').select('version').where('service', '=', 'users').execute();
      assert.equal(versions.length, 2);
      const published = await store.db.selectFrom('audit_events').select('subject').where('action', '=', 'version.published').execute();
      assert.deepEqual(published.map((row) => row.subject).sort(), ['service:users@1.0.0', 'service:users@1.1.0']);
    });

    test('publishing the same version with other content is a conflict naming what differs', async () => {
      const changed = publishInput('users', '1.0.0', {
        provides: [{ interface: 'http:users', kind: 'openapi', contract: usersOpenapi('Users v2') }],
      });
      await assert.rejects(publishVersion(store.db, changed), (error: unknown) => {
        assert.ok(error instanceof StepwiseError);
        assert.equal(error.code, 'CONFLICT');
        assert.match(error.message, /provides\[http:users\]\.contract/);
        assert.match(error.message, /provides\[store:reports\] removed/);
        return true;
      });
    });

    test('racing first publishes of one version: one creates, the same content is unchanged, other content conflicts', async () => {
      const same = await Promise.all(Array.from({ length: 6 }, () => publishVersion(store.db, publishInput('racer', '1.0.0'))));
      assert.deepEqual(same.map((result) => result.status).sort(), ['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, index) => publishVersion(store.db, publishInput('racer', '2.0.0', { description: `variant ${index}` }))),
      );
      assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled').length, 1);
      for (const outcome of outcomes) if (outcome.status === 'rejected') assert.ok(rejectsWith('CONFLICT')(outcome.reason), String(outcome.reason));
    });

    test('a failed publish leaves nothing behind', async () => {
      const input = publishInput('ghost', '1.0.0', { provides: [{ interface: 'http:ghost', kind: 'openapi', contract: usersOpenapi('Ghost') }] });
      // Drop one contract from the batch: the interface row then points at a missing hash and the insert fails.
      const contracts = new Map(input.normalised.contracts);
      contracts.clear();
      await assert.rejects(publishVersion(store.db, { ...input, normalised: { ...input.normalised, contracts } }));
      assert.equal(await store.db.selectFrom('services').select('name').where('name', '=', 'ghost').executeTakeFirst(), undefined);
      assert.equal(await store.db.selectFrom('versions').select('id').where('service', '=', 'ghost').executeTakeFirst(), undefined);
      const audit = await listAuditEvents(store.db, { subject: 'service:ghost' });
      assert.deepEqual(audit, []);
    });

    test('published versions read back as domain types with contracts resolved', async () => {
      const catalog = await loadPublishedVersions(store.db, { versions: [{ service: 'users', version: '1.0.0' }] });
      const version = catalog.get('users@1.0.0');
      assert.ok(version);
      assert.equal(version.hasContracts, true);
      assert.deepEqual(version.provides[0], { interface: 'http:users', kind: 'openapi', contract: usersOpenapi() });
      assert.deepEqual(version.provides[1], {
        interface: 'store:reports',
        kind: 'jsonschema',
        formats: { 'application/json': reportSchema },
        retentionMs: 30 * 86_400_000,
      });
      assert.deepEqual(version.consumes[0], { interface: 'http:accounts', kind: 'openapi', operations: ['getAccount'], required: false, flag: 'use-accounts' });
      assert.equal((await loadPublishedVersions(store.db, { services: ['users'] })).size, 2);
      const details = await loadVersionDetails(store.db, 'users', '1.1.0');
      assert.equal(details.provides[0]?.contract?.startsWith('sha256:'), true);
      await assert.rejects(loadVersionDetails(store.db, 'users', '9.9.9'), rejectsWith('NOT_FOUND'));
    });

    test('deployed replaces on its target, released accumulates, undeployed ends', async () => {
      const record = (kind: string, version: string, target?: string) =>
        withEnvironmentLock(store.db, 'staging', (trx) => recordDeployment(trx, { environment: 'staging', service: 'users', version, kind, actor: 'tester', ...(target ? { target } : {}) }));
      const live = (result: Awaited<ReturnType<typeof record>>) => result.live.map((entry) => `${entry.version}@${entry.target}:${entry.mode}`);
      assert.deepEqual(live(await record('deployed', '1.0.0')), ['1.0.0@default:deployed']);
      assert.deepEqual(live(await record('deployed', '1.1.0')), ['1.1.0@default:deployed']);
      assert.deepEqual(live(await record('deployed', '1.0.0', 'eu')), ['1.1.0@default:deployed', '1.0.0@eu:deployed']);
      assert.deepEqual(live(await record('released', '1.2.0', 'eu')), ['1.1.0@default:deployed', '1.0.0@eu:deployed', '1.2.0@eu:released']);
      assert.deepEqual(live(await record('undeployed', '1.0.0')), ['1.1.0@default:deployed', '1.2.0@eu:released']);
      await assert.rejects(record('undeployed', '1.0.0'), rejectsWith('NOT_FOUND'));
      assert.deepEqual(live(await record('undeployed', '1.2.0', 'eu')), ['1.1.0@default:deployed']);
      // 1.2.0 was never published: it is recorded as a version without contracts
      const unknown = await loadPublishedVersions(store.db, { versions: [{ service: 'users', version: '1.2.0' }] });
      assert.equal(unknown.get('users@1.2.0')?.hasContracts, false);
    });

    test('deployments name unknown services and environments', async () => {
      await assert.rejects(
        withEnvironmentLock(store.db, 'nowhere', (trx) => recordDeployment(trx, { environment: 'nowhere', service: 'users', version: '1.0.0', kind: 'deployed', actor: 't' })),
        rejectsWith('NOT_FOUND'),
      );
      await assert.rejects(
        withEnvironmentLock(store.db, 'dev', (trx) => recordDeployment(trx, { environment: 'dev', service: 'nobody', version: '1.0.0', kind: 'deployed', actor: 't' })),
        rejectsWith('NOT_FOUND'),
      );
    });

    test('concurrent deployment records for one service and environment lose no event', async () => {
      const versions = Array.from({ length: 24 }, (_, index) => `2.0.${index}`);
      await Promise.all(
        versions.map((version) =>
          withEnvironmentLock(store.db, 'production', (trx) =>
            recordDeployment(trx, { environment: 'production', service: 'users', version, kind: version.endsWith('0') ? 'deployed' : 'released', actor: 'racer' }),
          ),
        ),
      );
      const events = await store.db.selectFrom('deployment_events').select('version').where('environment', '=', 'production').execute();
      assert.equal(events.length, versions.length);
      const deployedRace = Array.from({ length: 16 }, (_, index) => `3.0.${index}`);
      await Promise.all(
        deployedRace.map((version) =>
          withEnvironmentLock(store.db, 'dev', (trx) => recordDeployment(trx, { environment: 'dev', service: 'users', version, kind: 'deployed', actor: 'racer' })),
        ),
      );
      const open = await store.db.selectFrom('live_versions').select('version').where('environment', '=', 'dev').where('until', 'is', null).execute();
      assert.equal(open.length, 1, 'exactly one version stays deployed on the target');
      const spans = await store.db.selectFrom('live_versions').select('id').where('environment', '=', 'dev').execute();
      assert.equal(spans.length, deployedRace.length, 'every deployment opened a span; all but the last were closed');
      const audit = await listAuditEvents(store.db, { subject: 'environment:dev', action: 'deployment.deployed', limit: 100 });
      assert.equal(audit.length, deployedRace.length);
    });

    test('a snapshot shows what was live at a time, and the history before it', async () => {
      await createEnvironment(store.db, { name: 'qa', actor: 'tester' });
      const at = (minute: number) => `2026-01-01T00:0${minute}:00.000Z`;
      for (const [minute, version, kind] of [[1, '1.0.0', 'deployed'], [3, '1.1.0', 'deployed'], [5, '1.2.0', 'released']] as const) {
        await withEnvironmentLock(store.db, 'qa', (trx) => recordDeployment(trx, { environment: 'qa', service: 'users', version, kind, actor: 't', at: at(minute) }));
      }
      const early = await loadEnvironmentSnapshot(store.db, 'qa', new Date(at(2)));
      assert.deepEqual(early.live.map((entry) => entry.version), ['1.0.0']);
      assert.deepEqual(early.history, [{ service: 'users', version: '1.0.0', from: at(1) }]);
      const late = await loadEnvironmentSnapshot(store.db, 'qa', new Date(at(6)));
      assert.deepEqual(late.live.map((entry) => `${entry.version}:${entry.mode}`), ['1.1.0:deployed', '1.2.0:released']);
      assert.deepEqual(late.history[0], { service: 'users', version: '1.0.0', from: at(1), to: at(3) });
      assert.equal(late.at, at(6));
      await assert.rejects(loadEnvironmentSnapshot(store.db, 'nowhere', new Date()), rejectsWith('NOT_FOUND'));
    });

    test('the status matrix lists every service with its live versions per environment', async () => {
      const matrix = await loadStatusMatrix(store.db);
      assert.deepEqual(matrix.environments, ['dev', 'staging', 'production', 'qa']);
      const users = matrix.services.find((entry) => entry.service === 'users');
      assert.deepEqual(users?.live.qa?.map((entry) => entry.version), ['1.1.0', '1.2.0']);
      const onlyQa = await loadStatusMatrix(store.db, 'qa');
      assert.deepEqual(onlyQa.environments, ['qa']);
      assert.deepEqual(Object.keys(onlyQa.services.find((entry) => entry.service === 'users')!.live), ['qa']);
      await assert.rejects(loadStatusMatrix(store.db, 'nowhere'), rejectsWith('NOT_FOUND'));
    });

    test('tokens are stored hashed, found by secret, and revoked', async () => {
      const { token, secret } = await createToken(store.db, { name: 'ci', scope: 'publish', services: ['users'], actor: 'admin' });
      const stored = await store.db.selectFrom('tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      assert.equal(stored.secret_hash, hashSecret(secret));
      assert.ok(!JSON.stringify(stored).includes(secret));
      assert.deepEqual((await findTokenBySecret(store.db, secret))?.services, ['users']);
      await revokeToken(store.db, token.id, 'admin');
      assert.equal(await findTokenBySecret(store.db, secret), undefined);
      assert.ok((await listTokens(store.db)).find((entry) => entry.id === token.id)?.revokedAt);
      await assert.rejects(revokeToken(store.db, 'tok_missing', 'admin'), rejectsWith('NOT_FOUND'));
    });

    test('an admin token is made once, or taken from the operator', async () => {
      const printed = await ensureAdminToken(store.db);
      assert.match(printed ?? '', /^stw_/);
      assert.equal(await ensureAdminToken(store.db), undefined, 'not printed twice');
      await ensureAdminToken(store.db, 'operator-secret');
      assert.equal((await findTokenBySecret(store.db, 'operator-secret'))?.scope, 'admin');
      await ensureAdminToken(store.db, 'operator-secret');
      assert.equal((await listTokens(store.db)).filter((entry) => entry.name.includes('STEPWISE_ADMIN_TOKEN')).length, 1);
    });

    // Replicas share a database on PostgreSQL. On SQLite they would be separate processes: in one
    // process better-sqlite3 blocks the event loop while it waits for another connection's lock.
    test('replicas starting together make one admin token, and share the operator secret without colliding', { skip: kind === 'sqlite' && 'replicas run on PostgreSQL' }, async () => {
      const replicas = await Promise.all([1, 2, 3].map(() => openStore(options)));
      try {
        const before = (await listTokens(store.db)).length;
        await Promise.all(replicas.map((replica) => ensureAdminToken(replica.db, 'replica-secret')));
        assert.equal((await findTokenBySecret(store.db, 'replica-secret'))?.scope, 'admin');
        assert.equal((await listTokens(store.db)).length, before + 1, 'one token for the shared secret');
        for (const token of await listTokens(store.db)) if (token.scope === 'admin' && !token.revokedAt) await revokeToken(store.db, token.id, 'tester');
        const printed = await Promise.all(replicas.map((replica) => ensureAdminToken(replica.db)));
        assert.equal(printed.filter((secret) => secret !== undefined).length, 1, 'exactly one replica prints a new admin token');
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
      }
    });

    test('a connection ended by the database server is replaced; the store goes on', { skip: kind === 'sqlite' && 'PostgreSQL connections' }, async () => {
      const other = await openStore(options);
      try {
        await listEnvironments(other.db); // leaves an idle connection in the pool
        const database = new URL((options as { postgresUrl: string }).postgresUrl).pathname.slice(1);
        const ended = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`.execute(store.db);
        assert.ok(ended.rows.some((row) => row.ended));
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.ok((await listEnvironments(other.db)).some((env) => env.name === 'production'));
      } finally {
        await other.close();
      }
    });

    test('audit events commit and roll back with their change; no-op changes are dropped', async () => {
      await assert.rejects(
        writeTransaction(store.db, async (trx) => {
          await recordAudit(trx, { actor: 'a', action: 'test.rolled-back', subject: 'test:x', data: { n: 1 } });
          throw new Error('abort');
        }),
      );
      await writeTransaction(store.db, async (trx) => {
        await recordAudit(trx, { actor: 'a', action: 'test.same', subject: 'test:x', data: { n: 1 }, previous: { n: 1 } });
        await recordAudit(trx, { actor: 'a', action: 'test.changed', subject: 'test:x', data: { n: 2 }, previous: { n: 1 } });
      });
      const events = await listAuditEvents(store.db, { subject: 'test:x' });
      assert.deepEqual(events.map((event) => event.action), ['test.changed']);
      assert.deepEqual(events[0]?.previous, { n: 1 });
    });
  });
}
