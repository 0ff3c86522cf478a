import type { RolloutObservation, RolloutRequests } from './rollout-observation.ts';
import type { RolloutSpec } from './rollout-spec.ts';
import type { RolloutStatus } from './rollout-status.ts';
import type { RolloutAction, RolloutTransition } from './rollout-action.ts';

/** Everything one pass of the machine sees. */
export interface RolloutInput {
  readonly spec: RolloutSpec;
  /** The version serving before the rollout; null for a service's first deployment. */
  readonly stableVersion: string | null;
  readonly canaryVersion: string;
  readonly status: RolloutStatus;
  readonly requests: RolloutRequests;
  readonly observation: RolloutObservation;
  /** The pass's clock, epoch milliseconds. */
  readonly nowMs: number;
}

/** The pass's result: the status to store, then the actions and transitions to apply after the write. */
export interface RolloutPass {
  readonly status: RolloutStatus;
  readonly actions: readonly RolloutAction[];
  readonly transitions: readonly RolloutTransition[];
}
