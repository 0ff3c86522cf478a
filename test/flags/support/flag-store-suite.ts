import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { StepwiseError } from '../../../src/model/errors.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { listAuditEvents } from '../../../src/store/audit/list-audit-events.ts';
import { withEnvironmentLock } from '../../../src/store/environment-lock.ts';
import { recordDeployment } from '../../../src/store/deployments/record-deployment.ts';
import { createEnvironment } from '../../../src/store/registry/environments.ts';
import { loadEnvironmentSnapshot } from '../../../src/store/read-models/environment-snapshot.ts';
import { createFlag } from '../../../src/store/flags/create-flag.ts';
import { changeFlag } from '../../../src/store/flags/change-flag.ts';
import { getFlag, listFlags } from '../../../src/store/flags/list-flags.ts';
import { listFlagEvents } from '../../../src/store/flags/list-flag-events.ts';
import { loadFlagSnapshot } from '../../../src/store/flags/load-flag-snapshot.ts';
import { loadFlagStates } from '../../../src/store/flags/load-flag-states.ts';
import { freshStoreOptions, type StoreKind } from '../../support/databases.ts';

const rejectsWith = (code: string, message?: RegExp) => (error: unknown) =>
  error instanceof StepwiseError && error.code === code && (message === undefined || message.test(error.message));

/** The flag store on one database; each database runs it from its own test file. */
export function flagStoreSuite(kind: StoreKind): void {
  describe(`flag store on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    before(async () => {
      const fresh = await freshStoreOptions(kind);
      cleanup = fresh.cleanup;
      store = await openStore(fresh.options);
      await createEnvironment(store.db, { name: 'staging', actor: 'tester' });
      await createEnvironment(store.db, { name: 'production', actor: 'tester' });
      const now = new Date().toISOString();
      await store.db.insertInto('services').values({ name: 'worker', owner: null, description: null, created_at: now, updated_at: now }).execute();
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('a flag is created off in every environment; a second create is a conflict', async () => {
      const created = await createFlag(store.db, { name: 'new-queue', description: 'enqueue through the queue', actor: 'ann', reason: 'ticket 12' });
      assert.deepEqual(created.map((flag) => [flag.environment, flag.definition.enabled]), [['staging', false], ['production', false]]);
      await assert.rejects(createFlag(store.db, { name: 'new-queue', actor: 'ann' }), rejectsWith('CONFLICT'));
      await assert.rejects(createFlag(store.db, { name: 'other', environments: ['nowhere'], actor: 'ann' }), rejectsWith('NOT_FOUND'));
      assert.equal((await listFlags(store.db, { name: 'other' })).length, 0);
    });

    test('every change is recorded with who and why, in the flag history and the audit log', async () => {
      await changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'rollout', percent: 10, stickiness: 'userId' }, actor: 'bob', reason: 'start small' });
      await changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'kill' }, actor: 'carol', reason: 'error rate up' });
      const flag = await getFlag(store.db, 'new-queue', 'production');
      assert.equal(flag.revision, 3);
      assert.deepEqual([flag.updatedBy, flag.updateReason, flag.definition.killed, flag.definition.enabled], ['carol', 'error rate up', true, true]);
      assert.deepEqual(flag.definition.strategies, [{ name: 'flexibleRollout', parameters: { rollout: 10, stickiness: 'userId', groupId: 'new-queue' } }]);
      const history = await listFlagEvents(store.db, 'new-queue', 'production');
      assert.deepEqual(history.map((event) => [event.action, event.actor, event.reason]), [['kill', 'carol', 'error rate up'], ['rollout', 'bob', 'start small'], ['created', 'ann', 'ticket 12']]);
      const audit = await listAuditEvents(store.db, { subject: 'flag:new-queue@production' });
      assert.deepEqual(audit.map((event) => [event.action, event.actor]), [['flag.kill', 'carol'], ['flag.rollout', 'bob'], ['flag.created', 'ann']]);
      assert.deepEqual((audit[0]!.data as { reason: string }).reason, 'error rate up');
      // the other environment did not move
      assert.equal((await getFlag(store.db, 'new-queue', 'staging')).revision, 1);
    });

    test('bad input changes nothing: out-of-range percent, conflicting variants, no reason, unknown flag', async () => {
      const before = await getFlag(store.db, 'new-queue', 'production');
      await assert.rejects(
        changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'rollout', percent: 140 }, actor: 'x', reason: 'r' }),
        rejectsWith('BAD_INPUT', /out of range/),
      );
      await assert.rejects(
        changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'update', variants: [{ name: 'a', weight: 1 }, { name: 'a', weight: 2 }] }, actor: 'x', reason: 'r' }),
        rejectsWith('BAD_INPUT', /conflicting variants/),
      );
      await assert.rejects(changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'disable' }, actor: 'x', reason: ' ' }), rejectsWith('BAD_INPUT', /reason/));
      await assert.rejects(changeFlag(store.db, { name: 'ghost', environment: 'production', change: { kind: 'enable' }, actor: 'x', reason: 'r' }), rejectsWith('NOT_FOUND', /ghost/));
      const after = await getFlag(store.db, 'new-queue', 'production');
      assert.deepEqual(after, before);
      // a change that changes nothing records nothing
      const same = await changeFlag(store.db, { name: 'new-queue', environment: 'production', change: { kind: 'kill' }, actor: 'x', reason: 'again' });
      assert.equal(same.changed, false);
      assert.equal((await listFlagEvents(store.db, 'new-queue', 'production')).length, 3);
    });

    test('the SDK snapshot carries live versions for conditions and its revision follows deployments', async () => {
      await createFlag(store.db, { name: 'use-worker-2', environments: ['production'], actor: 'ann' });
      await changeFlag(store.db, {
        name: 'use-worker-2',
        environment: 'production',
        change: { kind: 'update', enabled: true, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] },
        actor: 'ann',
        reason: 'only with worker 2',
      });
      const first = await loadFlagSnapshot(store.db, 'production');
      assert.deepEqual(first.flags.map((flag) => flag.name), ['new-queue', 'use-worker-2']);
      assert.deepEqual(first.live, []);
      assert.equal((await loadFlagSnapshot(store.db, 'production')).revision, first.revision);
      await withEnvironmentLock(store.db, 'production', (trx) => recordDeployment(trx, { environment: 'production', service: 'worker', version: '2.0.0', kind: 'deployed', actor: 'ci' }));
      const second = await loadFlagSnapshot(store.db, 'production');
      assert.notEqual(second.revision, first.revision);
      assert.deepEqual(second.live.map((entry) => `${entry.service}@${entry.version}`), ['worker@2.0.0']);
      const states = await loadFlagStates(store.db, 'production', new Date().toISOString(), second.live);
      assert.deepEqual(states, { 'new-queue': false, 'use-worker-2': true });
      assert.deepEqual(await loadFlagStates(store.db, 'production', new Date().toISOString(), []), { 'new-queue': false, 'use-worker-2': false });
      await assert.rejects(loadFlagSnapshot(store.db, 'nowhere'), rejectsWith('NOT_FOUND'));
    });

    test('the environment snapshot the decision and planner read carries flag states, as of its time', async () => {
      const now = await loadEnvironmentSnapshot(store.db, 'production', new Date());
      assert.deepEqual(now.flags, { 'new-queue': false, 'use-worker-2': true });
      const staging = await loadEnvironmentSnapshot(store.db, 'staging', new Date());
      assert.deepEqual(staging.flags, { 'new-queue': false });
      const past = await loadEnvironmentSnapshot(store.db, 'production', new Date('2000-01-01T00:00:00Z'));
      assert.deepEqual(past.flags, {});
    });
  });
}
