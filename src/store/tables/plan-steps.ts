import type { Insertable, Selectable } from 'kysely';

/** One step of a stored plan, one row each, so executing the plan can mark progress per step. */
export interface PlanStepsTable {
  plan_id: number;
  /** 1-based position in the plan. */
  position: number;
  environment: string;
  action: string;
  service: string | null;
  version: string | null;
  flag: string | null;
  /**
   * `pending` until an execution moves it on: `running`, then `done` or `failed`; `waiting` when it
   * needs a version that is not published yet. Only `done` steps are skipped by the next execution.
   */
  status: string;
  /** What the last execution said about the step (why it failed, what to publish); null before. */
  message: string | null;
  updated_at: string;
}

export type PlanStepRow = Selectable<PlanStepsTable>;
export type NewPlanStepRow = Insertable<PlanStepsTable>;
