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
  /** `pending` until an execution moves it on (`done`, `failed`, `skipped`). */
  status: string;
  updated_at: string;
}

export type PlanStepRow = Selectable<PlanStepsTable>;
export type NewPlanStepRow = Insertable<PlanStepsTable>;
