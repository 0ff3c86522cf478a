import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deliveryMetrics } from '../../src/insights/delivery-metrics.ts';
import { StepwiseError } from '../../src/model/errors.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { recordDeployment, type DeploymentRecord } from '../../src/store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../src/store/environment-lock.ts';
import { loadDeliveryFacts } from '../../src/store/read-models/delivery-facts.ts';
import { publishVersion } from '../../src/store/registry/publish-version.ts';
import { createEnvironment } from '../../src/store/registry/environments.ts';
import { freshStoreOptions, type StoreKind } from '../support/databases.ts';
import { publishInput } from './fixtures.ts';

const HOUR = 3_600_000;
const iso = (text: string) => new Date(text).toISOString();

/** The delivery read model on one database; each database runs it from its own test file. */
export function deliveryFactsSuite(kind: StoreKind): void {
  describe(`delivery facts on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const record = (entry: Omit<DeploymentRecord, 'environment' | 'actor'> & { environment?: string }) =>
      withEnvironmentLock(store.db, entry.environment ?? 'production', (trx) => recordDeployment(trx, { environment: 'production', actor: 'tester', ...entry }));

    before(async () => {
      const fresh = await freshStoreOptions(kind);
      cleanup = fresh.cleanup;
      store = await openStore(fresh.options);
      await createEnvironment(store.db, { name: 'staging', actor: 'tester' });
      await createEnvironment(store.db, { name: 'production', actor: 'tester' });
      await publishVersion(store.db, { ...publishInput('orders', '1.0.0'), at: iso('2026-03-01T00:00:00Z') });
      await publishVersion(store.db, { ...publishInput('orders', '1.1.0'), at: iso('2026-03-02T06:00:00Z') });
      await publishVersion(store.db, { ...publishInput('cart', '2.0.0'), at: iso('2026-03-01T12:00:00Z') });

      await record({ service: 'orders', version: '1.0.0', kind: 'deployed', at: iso('2026-03-01T08:00:00Z') });
      await record({ service: 'orders', version: '1.1.0', kind: 'deployed', at: iso('2026-03-03T06:00:00Z') });
      // Another environment's history is not this one's.
      await record({ environment: 'staging', service: 'orders', version: '1.1.0', kind: 'deployed', at: iso('2026-03-02T07:00:00Z') });
      // Deployed before anyone published it: no publish time.
      await record({ service: 'orders', version: '1.2.0', kind: 'deployed', at: iso('2026-03-04T00:00:00Z') });
      // The revert, two hours later, from another time zone: times are compared as times.
      await record({ service: 'orders', version: '1.1.0', kind: 'deployed', at: '2026-03-04T03:00:00+01:00' });

      // A rollout of cart that was rolled back after 30 minutes, written as the runner writes it.
      const rollout = await store.db
        .insertInto('rollouts')
        .values({
          environment: 'production',
          service: 'cart',
          version: '2.0.0',
          stable_version: null,
          spec: '{}',
          run: '{}',
          stable_run: null,
          status: JSON.stringify({ phase: 'rolled-back', finishedAt: iso('2026-03-05T10:30:00Z') }),
          phase: 'rolled-back',
          revision: 3,
          promotes: 0,
          promote_full: 0,
          abort_message: null,
          wake_at: null,
          created_by: 'tester',
          created_at: iso('2026-03-05T10:00:00Z'),
          updated_at: iso('2026-03-05T10:30:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const data = { rollout: rollout.id, transition: 'started' };
      await record({ service: 'cart', version: '2.0.0', kind: 'deployed', target: 'canary', at: iso('2026-03-05T10:00:00Z'), data });
      await record({ service: 'cart', version: '2.0.0', kind: 'undeployed', target: 'canary', at: iso('2026-03-05T10:30:00Z'), data: { ...data, transition: 'rolled-back' } });
      // After the end of the period asked for below.
      await record({ service: 'cart', version: '2.0.0', kind: 'deployed', at: iso('2026-03-20T00:00:00Z') });
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('loads the events up to the end, the rollouts they name, and publish times of versions with contracts', async () => {
      const facts = await loadDeliveryFacts(store.db, 'production', new Date('2026-03-10T00:00:00Z'));
      assert.deepEqual(
        facts.events.map((e) => [e.service, e.version, e.kind, new Date(e.at).toISOString(), e.rollout ?? null]),
        [
          ['orders', '1.0.0', 'deployed', '2026-03-01T08:00:00.000Z', null],
          ['orders', '1.1.0', 'deployed', '2026-03-03T06:00:00.000Z', null],
          ['orders', '1.2.0', 'deployed', '2026-03-04T00:00:00.000Z', null],
          ['orders', '1.1.0', 'deployed', '2026-03-04T02:00:00.000Z', null],
          ['cart', '2.0.0', 'deployed', '2026-03-05T10:00:00.000Z', 1],
          ['cart', '2.0.0', 'undeployed', '2026-03-05T10:30:00.000Z', 1],
        ],
      );
      assert.deepEqual(facts.rollouts, [{ id: 1, phase: 'rolled-back', finishedAt: Date.parse('2026-03-05T10:30:00Z') }]);
      assert.deepEqual(
        facts.published.map((p) => `${p.service}@${p.version} ${new Date(p.at).toISOString()}`).sort(),
        ['cart@2.0.0 2026-03-01T12:00:00.000Z', 'orders@1.0.0 2026-03-01T00:00:00.000Z', 'orders@1.1.0 2026-03-02T06:00:00.000Z'],
      );
    });

    test('the metrics over the loaded facts are the ones the history implies', async () => {
      const until = new Date('2026-03-10T00:00:00Z');
      const facts = await loadDeliveryFacts(store.db, 'production', until);
      const [cart, orders] = deliveryMetrics(facts, { since: Date.parse('2026-03-02T00:00:00Z'), until: until.getTime(), reworkWindowMs: 24 * HOUR });
      // orders in the period: 1.1.0 (lead 24h), 1.2.0 (no publish time), back to 1.1.0 after 2h.
      assert.deepEqual(
        [orders!.deployments, orders!.leadTime, orders!.failures, orders!.timeToRestore, orders!.reworks],
        [3, { median: 24 * HOUR, p90: 24 * HOUR, measured: 1 }, 1, { median: 2 * HOUR, restored: 1, unrestored: 0 }, 2],
      );
      // cart: one rolled-back rollout, restored when the rollback finished.
      assert.deepEqual(
        [cart!.deployments, cart!.changeFailureRate, cart!.timeToRestore.median, cart!.leadTime.median],
        [1, 1, 0.5 * HOUR, 94 * HOUR],
      );
    });

    test('an unknown environment is NOT_FOUND', async () => {
      await assert.rejects(loadDeliveryFacts(store.db, 'nowhere', new Date()), (error: unknown) => error instanceof StepwiseError && error.code === 'NOT_FOUND');
    });
  });
}
