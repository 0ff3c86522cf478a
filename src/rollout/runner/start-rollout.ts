import type { Kysely } from 'kysely';
import { decide, PairChecker, type Verdict } from '../../decide/index.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_TARGET } from '../../store/deployments/record-deployment.ts';
import { loadEnvironmentSnapshot, loadPublishedVersions } from '../../store/read-models/environment-snapshot.ts';
import { parseRolloutSpec } from '../machine/parse-rollout-spec.ts';
import { createRollout } from './rollout-store.ts';
import type { RolloutRecord } from './rollout-record.ts';
import { resolveRunSpec } from './resolve-run-spec.ts';

export interface StartRolloutInput {
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  readonly actor: string;
  readonly at: Date;
  /** Where relative `run.cwd` paths resolve. */
  readonly baseDir: string;
  readonly maxConcurrent: number;
  /** Start even when can-i-deploy cannot tell (a version without contracts). A known no always refuses. */
  readonly allowUnknown?: boolean;
}

export interface StartedRollout {
  readonly rollout: RolloutRecord;
  readonly verdict: Verdict;
  /** Rollouts ahead of this one in the environment's queue. */
  readonly ahead: number;
}

async function manifestOf(db: Kysely<Database>, service: string, version: string): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('versions').select('manifest').where('service', '=', service).where('version', '=', version).executeTakeFirst();
  if (!row) throw new StepwiseError('NOT_FOUND', `${service}@${version} is not published: publish it first`, { pointer: '/version' });
  return row.manifest === null ? {} : (JSON.parse(row.manifest) as Record<string, unknown>);
}

/**
 * Starts a rollout if can-i-deploy says yes for the environment as it is now (the check includes
 * the rollout window, when old and new run side by side). The spec and run commands are read from
 * the published manifests and frozen into the rollout, so a restart replays the same rollout.
 */
export async function startRollout(db: Kysely<Database>, input: StartRolloutInput): Promise<StartedRollout> {
  const { environment, service, version } = input;
  const manifest = await manifestOf(db, service, version);
  const run = resolveRunSpec(service, version, manifest['run'], input.baseDir);
  const spec = parseRolloutSpec(manifest['rollout'], environment, `${service}@${version}`);
  const snapshot = await loadEnvironmentSnapshot(db, environment, input.at);
  const stable = snapshot.live.find((live) => live.service === service && live.target === DEFAULT_TARGET && live.mode === 'deployed')?.version ?? null;
  if (stable === version) throw new StepwiseError('BAD_INPUT', `${service}@${version} is already live in ${environment}`, { pointer: '/version' });
  const stableRun = stable === null ? null : resolveRunSpec(service, stable, (await manifestOf(db, service, stable))['run'], input.baseDir);

  const verdict = decide({ snapshot, versions: await loadPublishedVersions(db), candidate: { service, version, target: DEFAULT_TARGET }, checker: new PairChecker() });
  if (verdict.verdict === 'no' || (verdict.verdict === 'unknown' && !input.allowUnknown)) {
    const reasons = verdict.reasons.filter((reason) => reason.code !== 'IGNORED').map((reason) => reason.message);
    throw new StepwiseError(
      'ROLLOUT_REFUSED',
      `can-i-deploy says ${verdict.verdict} for ${service}@${version} in ${environment}: ${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? ` (and ${reasons.length - 5} more)` : ''}`,
      { pointer: '/version' },
      { verdict },
    );
  }
  const created = await createRollout(db, {
    environment,
    service,
    version,
    stableVersion: stable,
    spec,
    run,
    stableRun,
    actor: input.actor,
    at: input.at.toISOString(),
    maxConcurrent: input.maxConcurrent,
  });
  return { ...created, verdict };
}
