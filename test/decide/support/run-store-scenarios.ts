import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../../src/contracts/index.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { DecisionService } from '../../../src/server/decide/decision-service.ts';
import { decide } from '../../../src/decide/decide.ts';
import { loadEnvironmentSnapshot, loadPublishedVersions } from '../../../src/store/read-models/environment-snapshot.ts';
import { freshStoreOptions, type StoreKind } from '../../support/databases.ts';
import { loadScenarios } from './scenario.ts';
import { seedScenario } from './seed-store.ts';
import { assertVerdictMatches } from './assert-verdict.ts';

/**
 * Every scenario through a real store: publish, record deployments, load the facts the way the
 * server does, decide. Scenarios share one fresh database, each in its own environment and with
 * its own name prefix, and one decision service (so the persistent pair memo is exercised too).
 */
export function runStoreScenarios(kind: StoreKind): void {
  let store: Store;
  let cleanup: () => Promise<void>;
  const service = new DecisionService();
  before(async () => {
    const fresh = await freshStoreOptions(kind);
    cleanup = fresh.cleanup;
    store = await openStore(fresh.options);
  });
  after(async () => {
    await store?.close();
    await cleanup?.();
  });

  loadScenarios().forEach((scenario, index) => {
    const missing = [...scenario.kinds].filter((k) => !ENGINES[k]);
    test(`${kind}: ${scenario.name}`, { skip: missing.length > 0 ? `waiting for the ${missing.join(', ')} engine` : false }, async () => {
      const prefix = `s${String(index).padStart(3, '0')}-`;
      const environment = await seedScenario(store.db, scenario, prefix);
      const result = await service.decideIn(
        store.db,
        {
          environment,
          candidate: { ...scenario.candidate, service: prefix + scenario.candidate.service },
          ignores: scenario.ignores.map((ignore) => ({ ...ignore, service: prefix + ignore.service })),
          actor: 'scenario',
        },
        new Date(scenario.snapshot.at),
      );
      await service.flush(store.db);
      const unprefixed = result.reasons.map((reason) => ({
        ...reason,
        ...(reason.counterpart ? { counterpart: reason.counterpart.startsWith(prefix) ? reason.counterpart.slice(prefix.length) : reason.counterpart } : {}),
      }));
      assertVerdictMatches(scenario, { verdict: result.verdict, reasons: unprefixed });

      // The decision reads only the neighbourhood of the candidate; on the whole environment, as the
      // registry's read models load it, the answer must be the same.
      const at = new Date(scenario.snapshot.at);
      const snapshot = await loadEnvironmentSnapshot(store.db, environment, at);
      const full = decide({
        snapshot,
        versions: await loadPublishedVersions(store.db),
        candidate: { ...scenario.candidate, service: prefix + scenario.candidate.service },
        ignores: scenario.ignores.map((ignore) => ({ ...ignore, service: prefix + ignore.service, until: new Date(ignore.until).toISOString() })),
        checker: service.checker,
      });
      assert.equal(full.verdict, result.verdict, 'same verdict on the whole environment');
      assert.deepEqual(
        full.reasons.map((reason) => `${reason.code} ${reason.counterpart ?? ''}`).sort(),
        result.reasons.map((reason) => `${reason.code} ${reason.counterpart ?? ''}`).sort(),
      );
    });
  });

  test(`${kind}: pair results are stored once per distinct pair`, async () => {
    const rows = await store.db.selectFrom('pair_results').select(['kind', 'provider_hash', 'consumer_hash', 'engine_version']).execute();
    const keys = new Set(rows.map((row) => `${row.kind}|${row.provider_hash}|${row.consumer_hash}|${row.engine_version}`));
    assert.equal(keys.size, rows.length);
    if (Object.keys(ENGINES).length > 0) assert.ok(rows.length > 0, 'decisions wrote their pair results');
  });
}
