import { describeStep } from '../machine/describe-step.ts';
import type { RolloutStatus } from '../machine/rollout-status.ts';
import type { RolloutRecord } from './rollout-record.ts';
import type { RolloutEvent } from './rollout-store.ts';

/** What the API returns for a rollout: the record without run commands, plus its steps in words. */
export interface RolloutView {
  readonly id: number;
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  readonly stableVersion: string | null;
  readonly strategy: 'canary' | 'blueGreen';
  readonly steps: readonly string[];
  readonly phase: RolloutStatus['phase'];
  readonly status: RolloutStatus;
  readonly revision: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly events?: readonly RolloutEvent[];
}

export function toRolloutView(rollout: RolloutRecord, events?: readonly RolloutEvent[]): RolloutView {
  return {
    id: rollout.id,
    environment: rollout.environment,
    service: rollout.service,
    version: rollout.version,
    stableVersion: rollout.stableVersion,
    strategy: rollout.spec.strategy,
    steps: rollout.spec.steps.map(describeStep),
    phase: rollout.status.phase,
    status: rollout.status,
    revision: rollout.revision,
    createdBy: rollout.createdBy,
    createdAt: rollout.createdAt,
    updatedAt: rollout.updatedAt,
    ...(events ? { events } : {}),
  };
}
