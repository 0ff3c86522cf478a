import type { Plan, PlanTarget } from '../../plan/plan.ts';

/** A plan as the store returns it. */
export interface StoredPlan {
  readonly id: number;
  readonly environments: readonly string[];
  readonly targets: readonly PlanTarget[];
  readonly outcome: 'ready' | 'blocked';
  readonly plan: Plan;
  /** Per-step progress, by 1-based position, with what the last execution said about the step. */
  readonly progress: readonly { readonly position: number; readonly status: string; readonly updatedAt: string; readonly message?: string }[];
  readonly createdBy: string;
  readonly createdAt: string;
}
