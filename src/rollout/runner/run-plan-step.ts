import type { Kysely } from 'kysely';
import { stepTitle } from '../../plan/render-plan-text.ts';
import type { PlanStep } from '../../plan/plan.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_TARGET, recordDeployment } from '../../store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../store/environment-lock.ts';
import { changeFlag } from '../../store/flags/change-flag.ts';
import { ringRolloutBell } from './rollout-bell.ts';
import { getRollout, listActiveRollouts } from './rollout-store.ts';
import { startRollout } from './start-rollout.ts';

/** A stored step as execution sees it: its row in `plan_steps` beside its entry in the plan. */
export interface PlanStepToRun {
  readonly planId: number;
  readonly position: number;
  readonly environment: string;
  readonly action: string;
  readonly service: string | null;
  readonly version: string | null;
  readonly flag: string | null;
  /** The planner's step (absent only if the stored plan and its rows disagree). */
  readonly step?: PlanStep;
}

export interface PlanStepContext {
  readonly actor: string;
  readonly baseDir: string;
  readonly maxConcurrent: number;
  readonly pollMs?: number;
}

/**
 * `waiting`: the step needs something only a person can provide (a version to build and publish);
 * the plan stops there and resumes at this step when applied again.
 */
export interface PlanStepResult {
  readonly status: 'done' | 'failed' | 'waiting';
  readonly message: string;
  readonly rollout?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Carries out one step: a deploy as a rollout followed to its end, an undeploy as a record, a flag
 * flip through the flag store (its history names the plan and step), and a build by checking that
 * the version it describes has been published. Errors become a failed step, never an exception.
 */
export async function runPlanStep(db: Kysely<Database>, row: PlanStepToRun, context: PlanStepContext): Promise<PlanStepResult> {
  const version = row.version ?? row.step?.version ?? null;
  const where = `step ${row.position} (${row.action}${row.service ? ` ${row.service}` : ''}${version ? `@${version}` : ''}${row.flag ? ` ${row.flag}` : ''} in ${row.environment})`;
  const again = `then run \`stepwise plan apply ${row.planId}\` again`;
  try {
    switch (row.action) {
      case 'build': {
        if (!row.service || !version) break;
        if (await isPublished(db, row.service, version)) return { status: 'done', message: `${where}: ${row.service}@${version} is published` };
        const what = row.step?.reason ? ` (${row.step.reason})` : '';
        return { status: 'waiting', message: `${where}: waiting for ${row.service}@${version} to be published: build it${what} and publish it, ${again}` };
      }
      case 'deploy': {
        if (!row.service || !version) break;
        if (!(await isPublished(db, row.service, version))) {
          return { status: 'waiting', message: `${where}: waiting for ${row.service}@${version} to be published: publish it, ${again}` };
        }
        return await deploy(db, row.environment, row.service, version, where, context);
      }
      case 'undeploy': {
        // The planner names the version an undeploy removes in `from`.
        const gone = row.version ?? row.step?.from;
        if (!row.service || !gone) break;
        const service = row.service;
        await withEnvironmentLock(db, row.environment, (trx) => recordDeployment(trx, { environment: row.environment, service, version: gone, kind: 'undeployed', actor: context.actor }));
        return { status: 'done', message: `${where}: recorded` };
      }
      case 'enable-flag':
      case 'disable-flag': {
        if (!row.flag) break;
        const title = row.step ? stepTitle(row.step) : `${row.action} ${row.flag}`;
        const { changed } = await changeFlag(db, {
          name: row.flag,
          environment: row.environment,
          change: { kind: row.action === 'enable-flag' ? 'enable' : 'disable' },
          actor: context.actor,
          reason: `plan #${row.planId} step ${row.position} (${title})${row.step?.reason ? `: ${row.step.reason}` : ''}`,
        });
        return { status: 'done', message: `${where}: ${changed ? 'flag switched' : 'flag was already'} ${row.action === 'enable-flag' ? 'on' : 'off'}` };
      }
    }
    return { status: 'failed', message: `${where}: the stored step is incomplete (no service, version or flag), so it cannot be carried out` };
  } catch (error) {
    return { status: 'failed', message: `${where}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function isPublished(db: Kysely<Database>, service: string, version: string): Promise<boolean> {
  return (await db.selectFrom('versions').select('id').where('service', '=', service).where('version', '=', version).executeTakeFirst()) !== undefined;
}

async function deploy(db: Kysely<Database>, environment: string, service: string, version: string, where: string, context: PlanStepContext): Promise<PlanStepResult> {
  const live = await db
    .selectFrom('live_versions')
    .select('version')
    .where('environment', '=', environment)
    .where('service', '=', service)
    .where('target', '=', DEFAULT_TARGET)
    .where('until', 'is', null)
    .executeTakeFirst();
  if (live?.version === version) return { status: 'done', message: `${where}: already live` };
  // An earlier execution stopped while its rollout ran on: follow that one rather than refuse a second.
  const running = (await listActiveRollouts(db, environment)).find((rollout) => rollout.service === service && rollout.version === version);
  let id = running?.id;
  if (id === undefined) {
    const { rollout } = await startRollout(db, { environment, service, version, actor: context.actor, at: new Date(), baseDir: context.baseDir, maxConcurrent: context.maxConcurrent });
    ringRolloutBell(environment);
    id = rollout.id;
  }
  for (;;) {
    const current = await getRollout(db, id);
    if (current.status.phase === 'succeeded') return { status: 'done', message: `${where}: rollout #${id} succeeded`, rollout: id };
    if (current.status.phase === 'rolled-back') return { status: 'failed', message: `${where}: rollout #${id} rolled back: ${current.status.abort?.message ?? 'aborted'}`, rollout: id };
    await sleep(context.pollMs ?? 200);
  }
}
