import type { SourceLocation } from '../model/finding.ts';
import type { VerdictValue } from '../decide/verdict.ts';

/**
 * The technical schedule: what to do, in which order, so that every step is a single service (or
 * a flag) going out alone and safely. This shape is the JSON output of `stepwise plan` and of the
 * plans API; fields are added, never renamed.
 */

/** What the planner is asked to reach: a version of a service, or its removal. */
export interface PlanTarget {
  readonly service: string;
  /** Absent when `remove` is set. */
  readonly version?: string;
  readonly remove?: boolean;
}

export type StepAction = 'deploy' | 'undeploy' | 'enable-flag' | 'disable-flag' | 'build';

export interface PlanStep {
  readonly action: StepAction;
  readonly environment?: string;
  readonly service?: string;
  readonly version?: string;
  /** The version the step replaces (deploy, undeploy), or the version a `build` starts from. */
  readonly from?: string;
  readonly flag?: string;
  /** Whether the step can still be undone at the end of the plan (undoing later steps first). */
  readonly reversible: boolean;
  /** 1-based number of the step after which undoing this one is no longer safe. */
  readonly irreversibleAfter?: number;
  /** Why the step is here and why it is safe (or, for `build`, what it must do). */
  readonly reason: string;
  /** The decision that makes the step safe, as replayed on the environment at that point. */
  readonly verdict?: StepVerdict;
  /** For `build` steps: the synthesised intermediate contracts, by interface id. */
  readonly contracts?: readonly SynthesisedContract[];
}

export interface StepVerdict {
  readonly verdict: VerdictValue;
  /** Reason codes and messages behind it, shortest form. */
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

export interface SynthesisedContract {
  readonly interface: string;
  readonly role: 'provides' | 'consumes';
  /** `expand`: accepts or serves both the old and the new; `contract`: the old removed. */
  readonly phase: 'expand' | 'contract';
  readonly mediaTypes?: readonly string[];
  readonly description: string;
}

/** One contract element that ties two services together. */
export interface Binding {
  readonly interface: string;
  readonly rule: string;
  readonly location?: SourceLocation;
  /** `service@version` pairs the failed order involved. */
  readonly between: readonly [string, string];
  readonly message: string;
}

export interface LockstepGroup {
  readonly environment?: string;
  readonly services: readonly string[];
  readonly bindings: readonly Binding[];
  /** Steps that break the lock: intermediate builds, then the order that becomes possible. */
  readonly proposal: readonly PlanStep[];
  /** When `proposal` is empty: whether a decomposition was searched for at all, and why none is given. */
  readonly noProposal?: string;
}

export interface Plan {
  readonly environments: readonly string[];
  readonly steps: readonly PlanStep[];
  readonly lockstep: readonly LockstepGroup[];
}

export function planIsBlocked(plan: Plan): boolean {
  return plan.lockstep.length > 0;
}

export function targetLabel(target: PlanTarget): string {
  return target.remove ? `${target.service}@-` : `${target.service}@${target.version}`;
}
