import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.ts';
import { DEFAULT_TARGET } from '../../store/deployments/record-deployment.ts';
import { loadEnvironmentSnapshot } from '../../store/read-models/environment-snapshot.ts';
import { parseRolloutSpec } from '../machine/parse-rollout-spec.ts';
import type { Target } from '../targets/target.ts';
import { resolveRunSpec } from './resolve-run-spec.ts';
import { listActiveRollouts } from './rollout-store.ts';

export interface ServiceUp {
  readonly service: string;
  readonly version: string;
  readonly port: number;
  /** The rollout in progress for the service, if any (the runner drives its versions). */
  readonly rollout?: number;
  /** Why the service is not running, when it is not. */
  readonly problem?: string;
}

/**
 * Starts what the store says is live in the environment: each service's deployed version behind
 * its gateway with all the traffic. Services in a rollout are left to the runner, which starts both
 * versions and sets the split. A service that cannot start is reported, and the others still come up.
 */
export async function bringUpEnvironment(db: Kysely<Database>, target: Target, environment: string, baseDir: string, now: Date): Promise<ServiceUp[]> {
  const snapshot = await loadEnvironmentSnapshot(db, environment, now);
  const active = await listActiveRollouts(db, environment);
  const rolling = new Set(active.map((rollout) => rollout.service));
  const results: ServiceUp[] = [];
  for (const rollout of active) {
    // the gateway comes up now, on its remembered port; the runner's first pass sets the split
    const { port } = await target.ensureService({
      service: rollout.service,
      ...(rollout.run.gatewayPort === undefined ? {} : { port: rollout.run.gatewayPort }),
      ...(rollout.run.previewPort === undefined ? {} : { previewPort: rollout.run.previewPort }),
      sticky: rollout.spec.sticky,
    });
    results.push({ service: rollout.service, version: rollout.stableVersion ?? rollout.version, port, rollout: rollout.id });
  }
  for (const live of snapshot.live) {
    if (live.target !== DEFAULT_TARGET || live.mode !== 'deployed' || rolling.has(live.service)) continue;
    try {
      const row = await db.selectFrom('versions').select('manifest').where('service', '=', live.service).where('version', '=', live.version).executeTakeFirst();
      const manifest = row?.manifest ? (JSON.parse(row.manifest) as Record<string, unknown>) : {};
      const run = resolveRunSpec(live.service, live.version, manifest['run'], baseDir);
      const spec = parseRolloutSpec(manifest['rollout'], environment);
      const { port } = await target.ensureService({
        service: live.service,
        ...(run.gatewayPort === undefined ? {} : { port: run.gatewayPort }),
        ...(run.previewPort === undefined ? {} : { previewPort: run.previewPort }),
        sticky: spec.sticky,
      });
      await target.startVersion(run);
      await target.setWeights(live.service, { [live.version]: 100 });
      results.push({ service: live.service, version: live.version, port });
    } catch (error) {
      results.push({ service: live.service, version: live.version, port: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
