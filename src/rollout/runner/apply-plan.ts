import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../../store/audit/record-audit.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_TARGET, recordDeployment } from '../../store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../store/environment-lock.ts';
import { ringRolloutBell } from './rollout-bell.ts';
import { getRollout } from './rollout-store.ts';
import { startRollout } from './start-rollout.ts';

export interface PlanStepOutcome {
  readonly position: number;
  readonly action: string;
  readonly status: 'done' | 'failed' | 'pending';
  readonly message: string;
  readonly rollout?: number;
}

export interface ApplyPlanOptions {
  readonly actor: string;
  readonly baseDir: string;
  readonly maxConcurrent: number;
  readonly pollMs?: number;
  readonly onStep?: (outcome: PlanStepOutcome) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Executes a stored plan step by step: each `deploy` is a rollout (gated by can-i-deploy, driven by
 * the environment's runner) that must succeed before the next step starts; `undeploy` is recorded.
 * The first step that fails (a refused gate, a rolled-back rollout, a step only a person can do)
 * stops the plan, and later steps stay pending. Progress is stored per step, so applying the plan
 * again continues after the last step done.
 */
export async function applyPlan(db: Kysely<Database>, planId: number, options: ApplyPlanOptions): Promise<PlanStepOutcome[]> {
  const plan = await db.selectFrom('plans').select(['id', 'outcome']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new StepwiseError('NOT_FOUND', `plan #${planId} does not exist`, { pointer: '/id' });
  if (plan.outcome === 'blocked') {
    throw new StepwiseError('BAD_INPUT', `plan #${planId} is blocked by lock-step groups: publish the expand versions it proposes and plan again`, { pointer: '/id' });
  }
  const steps = await db.selectFrom('plan_steps').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const outcomes: PlanStepOutcome[] = [];
  const mark = async (position: number, status: string, message: string) => {
    const at = new Date().toISOString();
    await db.updateTable('plan_steps').set({ status, updated_at: at }).where('plan_id', '=', planId).where('position', '=', position).execute();
    await recordAudit(db, { actor: options.actor, action: `plan.step-${status}`, subject: `plan:${planId}`, at, data: { position, message } });
  };
  let stopped = false;
  for (const step of steps) {
    const base = { position: step.position, action: step.action };
    if (step.status === 'done') {
      outcomes.push({ ...base, status: 'done', message: 'done earlier' });
      continue;
    }
    if (stopped) {
      outcomes.push({ ...base, status: 'pending', message: 'not started: an earlier step failed' });
      continue;
    }
    const outcome = await runStep(db, step, options);
    await mark(step.position, outcome.status, outcome.message);
    const full = { ...base, ...outcome };
    outcomes.push(full);
    options.onStep?.(full);
    if (outcome.status === 'failed') stopped = true;
  }
  return outcomes;
}

async function runStep(
  db: Kysely<Database>,
  step: { environment: string; action: string; service: string | null; version: string | null; flag: string | null; position: number },
  options: ApplyPlanOptions,
): Promise<{ status: 'done' | 'failed'; message: string; rollout?: number }> {
  const where = `step ${step.position} (${step.action}${step.service ? ` ${step.service}` : ''}${step.version ? `@${step.version}` : ''} in ${step.environment})`;
  try {
    if (step.action === 'deploy' && step.service && step.version) {
      const live = await db
        .selectFrom('live_versions')
        .select('version')
        .where('environment', '=', step.environment)
        .where('service', '=', step.service)
        .where('target', '=', DEFAULT_TARGET)
        .where('until', 'is', null)
        .executeTakeFirst();
      if (live?.version === step.version) return { status: 'done', message: `${where}: already live` };
      const { rollout } = await startRollout(db, {
        environment: step.environment,
        service: step.service,
        version: step.version,
        actor: options.actor,
        at: new Date(),
        baseDir: options.baseDir,
        maxConcurrent: options.maxConcurrent,
      });
      ringRolloutBell(step.environment);
      for (;;) {
        const current = await getRollout(db, rollout.id);
        if (current.status.phase === 'succeeded') return { status: 'done', message: `${where}: rollout #${rollout.id} succeeded`, rollout: rollout.id };
        if (current.status.phase === 'rolled-back') {
          return { status: 'failed', message: `${where}: rollout #${rollout.id} rolled back: ${current.status.abort?.message ?? 'aborted'}`, rollout: rollout.id };
        }
        await sleep(options.pollMs ?? 200);
      }
    }
    if (step.action === 'undeploy' && step.service && step.version) {
      const version = step.version;
      const service = step.service;
      await withEnvironmentLock(db, step.environment, (trx) => recordDeployment(trx, { environment: step.environment, service, version, kind: 'undeployed', actor: options.actor }));
      return { status: 'done', message: `${where}: recorded` };
    }
    return { status: 'failed', message: `${where}: a person does this step (${step.action === 'build' ? 'build and publish the version it describes' : `stepwise flag set ${step.flag ?? ''}`}), then apply the plan again` };
  } catch (error) {
    return { status: 'failed', message: `${where}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
