import type { RolloutRow } from '../../store/tables/rollouts.ts';
import type { RolloutRequests } from '../machine/rollout-observation.ts';
import type { RolloutSpec } from '../machine/rollout-spec.ts';
import type { RolloutStatus } from '../machine/rollout-status.ts';
import type { VersionRunSpec } from '../targets/target.ts';

/** A stored rollout, as the runner, the API and the CLI see it. */
export interface RolloutRecord {
  readonly id: number;
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  readonly stableVersion: string | null;
  readonly spec: RolloutSpec;
  readonly run: VersionRunSpec;
  readonly stableRun: VersionRunSpec | null;
  readonly status: RolloutStatus;
  readonly revision: number;
  readonly requests: RolloutRequests;
  readonly wakeAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toRolloutRecord(row: RolloutRow): RolloutRecord {
  return {
    id: row.id,
    environment: row.environment,
    service: row.service,
    version: row.version,
    stableVersion: row.stable_version,
    spec: JSON.parse(row.spec) as RolloutSpec,
    run: JSON.parse(row.run) as VersionRunSpec,
    stableRun: row.stable_run === null ? null : (JSON.parse(row.stable_run) as VersionRunSpec),
    status: JSON.parse(row.status) as RolloutStatus,
    revision: row.revision,
    requests: {
      promotes: row.promotes,
      promoteFull: row.promote_full === 1,
      abort: row.abort_message === null ? null : { message: row.abort_message },
    },
    wakeAt: row.wake_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
