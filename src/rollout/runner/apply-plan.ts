import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { Plan } from '../../plan/plan.ts';
import { recordAudit } from '../../store/audit/record-audit.ts';
import type { Database } from '../../store/database.ts';
import { runPlanStep, type PlanStepContext } from './run-plan-step.ts';

export interface PlanStepOutcome {
  readonly position: number;
  readonly action: string;
  readonly status: 'done' | 'failed' | 'waiting' | 'pending';
  readonly message: string;
  readonly rollout?: number;
}

export interface ApplyPlanOptions extends PlanStepContext {
  readonly onStep?: (outcome: PlanStepOutcome) => void;
}

/**
 * Checks that a plan can be executed and makes every step not yet done `pending` again, so whoever
 * follows the plan sees this execution's progress rather than the last one's failure. Awaited by
 * the API before it answers; `applyPlan` calls it too.
 */
export async function openPlanApply(db: Kysely<Database>, planId: number): Promise<Plan> {
  const plan = await db.selectFrom('plans').select(['id', 'outcome', 'plan']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new StepwiseError('NOT_FOUND', `plan #${planId} does not exist`, { pointer: '/id' });
  if (plan.outcome === 'blocked') {
    throw new StepwiseError('BAD_INPUT', `plan #${planId} is blocked by lock-step groups: publish the expand versions it proposes and plan again`, { pointer: '/id' });
  }
  await db
    .updateTable('plan_steps')
    .set({ status: 'pending', message: null })
    .where('plan_id', '=', planId)
    .where('status', 'in', ['running', 'failed', 'waiting'])
    .execute();
  return JSON.parse(plan.plan) as Plan;
}

/**
 * Executes a stored plan step by step (see runPlanStep for what each kind of step does); each must
 * end before the next starts. The first step that fails, or waits for a version to be published,
 * stops the plan and later steps stay pending. Progress is stored per step, so applying the plan
 * again resumes at the first step not done, and never repeats a done one.
 */
export async function applyPlan(db: Kysely<Database>, planId: number, options: ApplyPlanOptions): Promise<PlanStepOutcome[]> {
  const plan = await openPlanApply(db, planId);
  const rows = await db.selectFrom('plan_steps').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const outcomes: PlanStepOutcome[] = [];
  const mark = async (position: number, status: string, message: string | null) => {
    const at = new Date().toISOString();
    await db.updateTable('plan_steps').set({ status, message, updated_at: at }).where('plan_id', '=', planId).where('position', '=', position).execute();
    if (status !== 'running') await recordAudit(db, { actor: options.actor, action: `plan.step-${status}`, subject: `plan:${planId}`, at, data: { position, message } });
  };
  let stoppedBy: string | undefined;
  for (const row of rows) {
    const base = { position: row.position, action: row.action };
    if (row.status === 'done') {
      outcomes.push({ ...base, status: 'done', message: 'done earlier' });
      continue;
    }
    if (stoppedBy) {
      outcomes.push({ ...base, status: 'pending', message: `not started: ${stoppedBy}` });
      continue;
    }
    await mark(row.position, 'running', null);
    const step = plan.steps[row.position - 1];
    const result = await runPlanStep(db, { ...row, planId, ...(step ? { step } : {}) }, options);
    await mark(row.position, result.status, result.message);
    const outcome = { ...base, ...result };
    outcomes.push(outcome);
    options.onStep?.(outcome);
    if (result.status === 'failed') stoppedBy = `step ${row.position} failed`;
    if (result.status === 'waiting') stoppedBy = `step ${row.position} waits for a version to be published`;
  }
  return outcomes;
}
