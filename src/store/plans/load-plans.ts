import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { Plan, PlanTarget } from '../../plan/plan.ts';
import type { Database } from '../database.ts';
import type { PlanRow } from '../tables/plans.ts';
import type { StoredPlan } from './stored-plan.ts';

export async function loadPlan(db: Kysely<Database>, id: number): Promise<StoredPlan> {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new StepwiseError('NOT_FOUND', `plan ${id} does not exist`, { pointer: '/id' });
  const progress = await db.selectFrom('plan_steps').select(['position', 'status', 'updated_at', 'message']).where('plan_id', '=', id).orderBy('position').execute();
  return toStoredPlan(row, progress.map((step) => ({ position: step.position, status: step.status, updatedAt: step.updated_at, ...(step.message ? { message: step.message } : {}) })));
}

/** The newest plans first; optionally only those that pass through `environment`. */
export async function listPlans(db: Kysely<Database>, options: { environment?: string; limit?: number } = {}): Promise<StoredPlan[]> {
  let query = db.selectFrom('plans').selectAll().orderBy('id', 'desc').limit(options.limit ?? 50);
  if (options.environment) query = query.where('environments', 'like', `%${JSON.stringify(options.environment)}%`);
  return (await query.execute()).map((row) => toStoredPlan(row, []));
}

function toStoredPlan(row: PlanRow, progress: StoredPlan['progress']): StoredPlan {
  return {
    id: row.id,
    environments: JSON.parse(row.environments) as string[],
    targets: JSON.parse(row.targets) as PlanTarget[],
    outcome: row.outcome,
    plan: JSON.parse(row.plan) as Plan,
    progress,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
