import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * A technical schedule as it was computed: the request (environments in order, targets) and the
 * resulting plan as JSON, kept so it can be executed and tracked later. Plans are immutable once
 * stored; progress goes to `plan_steps`.
 */
export interface PlansTable {
  id: Generated<number>;
  /** JSON array of environment names, in order. */
  environments: string;
  /** JSON array of PlanTarget. */
  targets: string;
  /** JSON of the Plan (steps and lock-step groups). */
  plan: string;
  /** `ready` when every target has a step, `blocked` when lock-step stands in the way. */
  outcome: 'ready' | 'blocked';
  created_by: string;
  created_at: string;
}

export type PlanRow = Selectable<PlansTable>;
export type NewPlanRow = Insertable<PlansTable>;
