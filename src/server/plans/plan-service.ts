import type { Kysely } from 'kysely';
import { decide } from '../../decide/decide.ts';
import { PairChecker } from '../../decide/pair-checker.ts';
import { versionKey } from '../../model/snapshot.ts';
import { planChanges } from '../../plan/plan-changes.ts';
import type { PlanTarget } from '../../plan/plan.ts';
import type { Database } from '../../store/database.ts';
import { StorePairMemo } from '../../store/decide/store-pair-memo.ts';
import { loadPlan } from '../../store/plans/load-plans.ts';
import { savePlan } from '../../store/plans/save-plan.ts';
import type { StoredPlan } from '../../store/plans/stored-plan.ts';
import { loadEnvironmentSnapshot, loadPublishedVersions } from '../../store/read-models/environment-snapshot.ts';
import { writeTransaction } from '../../store/write-transaction.ts';

/**
 * The shell around the planner: loads each environment's snapshot and the versions involved, runs
 * the pure planner with a pair checker that lives as long as the server, stores the plan with its
 * steps for a later execution, and writes new pair results back.
 */
export class PlanService {
  readonly memo = new StorePairMemo();
  readonly checker = new PairChecker({ memo: this.memo });

  async create(db: Kysely<Database>, request: { environments: readonly string[]; targets: readonly PlanTarget[]; actor: string }, at: Date): Promise<StoredPlan> {
    const snapshots = [];
    for (const environment of request.environments) snapshots.push(await loadEnvironmentSnapshot(db, environment, at));
    const wanted = new Map<string, { service: string; version: string }>();
    const want = (service: string, version: string) => wanted.set(versionKey(service, version), { service, version });
    for (const snapshot of snapshots) {
      for (const live of snapshot.live) want(live.service, live.version);
      for (const span of snapshot.history) want(span.service, span.version);
    }
    for (const target of request.targets) if (target.version) want(target.service, target.version);
    // Every version of a changing service: a published one may already be the expand step a lock needs.
    const services = [...new Set(request.targets.map((target) => target.service))];
    const versions = await loadPublishedVersions(db, { versions: [...wanted.values()], services });
    const hashes = new Set<string>();
    for (const version of versions.values()) for (const hash of this.checker.hashesOf(version)) hashes.add(hash);
    await this.memo.preload(db, hashes);
    const { plan } = planChanges({ environments: snapshots, versions, targets: request.targets, decide: (input) => decide({ ...input, checker: this.checker }), checker: this.checker });
    const id = await writeTransaction(db, (trx) => savePlan(trx, { environments: request.environments, targets: request.targets, plan, actor: request.actor, at: at.toISOString() }));
    try {
      await this.memo.flush(db);
    } catch {
      // The memo is an optimisation: a failed write only costs a recomputation later.
    }
    return loadPlan(db, id);
  }
}
