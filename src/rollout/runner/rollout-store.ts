import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../../store/audit/record-audit.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_TARGET, recordDeployment } from '../../store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../store/environment-lock.ts';
import type { RolloutPass } from '../machine/rollout-input.ts';
import type { RolloutSpec } from '../machine/rollout-spec.ts';
import { initialStatus, TERMINAL_PHASES } from '../machine/rollout-status.ts';
import { stepsHash } from '../machine/steps-hash.ts';
import type { VersionRunSpec } from '../targets/target.ts';
import { toRolloutRecord, type RolloutRecord } from './rollout-record.ts';

/** The deployment target name of the slot a new version holds while both versions are live. */
export const CANARY_TARGET = 'canary';

const ACTIVE = ['queued', 'progressing', 'paused', 'promoting', 'aborting'] as const;

export interface NewRollout {
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  readonly stableVersion: string | null;
  readonly spec: RolloutSpec;
  readonly run: VersionRunSpec;
  readonly stableRun: VersionRunSpec | null;
  readonly actor: string;
  readonly at: string;
  /** How many rollouts may run at once in the environment; more are queued. */
  readonly maxConcurrent: number;
}

export interface RolloutEvent {
  readonly id: number;
  readonly rolloutId: number;
  readonly at: string;
  readonly kind: string;
  readonly message: string;
}

/**
 * Creates a rollout under the environment lock, so two starts for one service cannot both pass
 * the "nothing running" check. A second rollout of the same service is refused naming the first.
 */
export async function createRollout(db: Kysely<Database>, input: NewRollout): Promise<{ rollout: RolloutRecord; ahead: number }> {
  return withEnvironmentLock(db, input.environment, async (trx) => {
    const active = await trx.selectFrom('rollouts').selectAll().where('environment', '=', input.environment).where('phase', 'in', [...ACTIVE]).orderBy('id').execute();
    const running = active.find((row) => row.service === input.service);
    if (running) {
      const status = toRolloutRecord(running).status;
      throw new StepwiseError(
        'ROLLOUT_IN_PROGRESS',
        `rollout #${running.id} of ${running.service}@${running.version} is already ${running.phase} in ${input.environment} (${status.message}); wait for it or abort it`,
        { pointer: '/service' },
        { rollout: running.id },
      );
    }
    const ahead = Math.max(0, active.length - input.maxConcurrent + 1);
    const message = ahead > 0 ? `queued: ${active.length} rollouts running or waiting in ${input.environment} (at most ${input.maxConcurrent} at once)` : 'queued';
    const status = initialStatus(stepsHash(input.spec), message);
    const row = await trx
      .insertInto('rollouts')
      .values({
        environment: input.environment,
        service: input.service,
        version: input.version,
        stable_version: input.stableVersion,
        spec: JSON.stringify(input.spec),
        run: JSON.stringify(input.run),
        stable_run: input.stableRun === null ? null : JSON.stringify(input.stableRun),
        status: JSON.stringify(status),
        phase: status.phase,
        revision: 0,
        promotes: 0,
        promote_full: 0,
        abort_message: null,
        wake_at: null,
        created_by: input.actor,
        created_at: input.at,
        updated_at: input.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('rollout_events').values({ rollout_id: row.id, at: input.at, kind: 'queued', message, data: null }).execute();
    await recordAudit(trx, {
      actor: input.actor,
      action: 'rollout.created',
      subject: `rollout:${row.id}`,
      at: input.at,
      data: { environment: input.environment, service: input.service, version: input.version, stable: input.stableVersion, strategy: input.spec.strategy },
    });
    return { rollout: toRolloutRecord(row), ahead };
  });
}

export async function getRollout(db: Kysely<Database>, id: number): Promise<RolloutRecord> {
  const row = await db.selectFrom('rollouts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new StepwiseError('NOT_FOUND', `rollout #${id} does not exist`, { pointer: '/id' });
  return toRolloutRecord(row);
}

/** Rollouts still needing passes, oldest first (the queue order). */
export async function listActiveRollouts(db: Kysely<Database>, environment?: string): Promise<RolloutRecord[]> {
  let query = db.selectFrom('rollouts').selectAll().where('phase', 'in', [...ACTIVE]).orderBy('id');
  if (environment !== undefined) query = query.where('environment', '=', environment);
  return (await query.execute()).map(toRolloutRecord);
}

export async function listRollouts(db: Kysely<Database>, filter: { environment?: string; service?: string; limit?: number } = {}): Promise<RolloutRecord[]> {
  let query = db.selectFrom('rollouts').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 50);
  if (filter.environment !== undefined) query = query.where('environment', '=', filter.environment);
  if (filter.service !== undefined) query = query.where('service', '=', filter.service);
  return (await query.execute()).map(toRolloutRecord);
}

export async function listRolloutEvents(db: Kysely<Database>, rolloutId: number, afterId = 0): Promise<RolloutEvent[]> {
  const rows = await db.selectFrom('rollout_events').selectAll().where('rollout_id', '=', rolloutId).where('id', '>', afterId).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, rolloutId: row.rollout_id, at: row.at, kind: row.kind, message: row.message }));
}

/**
 * Stores one pass: the status, its transitions as events, their deployment records and audit
 * events, in one transaction under the environment lock. Returns false (and writes nothing) when
 * another pass stored a newer revision first.
 */
export async function saveRolloutPass(db: Kysely<Database>, rollout: RolloutRecord, pass: RolloutPass, wakeAt: string | null, actor: string, at: string): Promise<boolean> {
  return withEnvironmentLock(db, rollout.environment, async (trx) => {
    const result = await trx
      .updateTable('rollouts')
      .set({ status: JSON.stringify(pass.status), phase: pass.status.phase, revision: rollout.revision + 1, wake_at: wakeAt, updated_at: at })
      .where('id', '=', rollout.id)
      .where('revision', '=', rollout.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    for (const transition of pass.transitions) {
      await trx
        .insertInto('rollout_events')
        .values({ rollout_id: rollout.id, at, kind: transition.kind, message: transition.message, data: JSON.stringify({ phase: pass.status.phase, step: pass.status.stepIndex }) })
        .execute();
      for (const deployment of transition.deployments) {
        await recordDeployment(trx, {
          environment: rollout.environment,
          service: rollout.service,
          version: deployment.version,
          target: deployment.slot === 'canary' ? CANARY_TARGET : DEFAULT_TARGET,
          kind: deployment.kind,
          actor,
          at,
          data: { rollout: rollout.id, transition: transition.kind },
        });
      }
      await recordAudit(trx, {
        actor,
        action: `rollout.${transition.kind}`,
        subject: `rollout:${rollout.id}`,
        at,
        data: { message: transition.message, phase: pass.status.phase, step: pass.status.stepIndex, weight: pass.status.canaryWeight },
        previous: { phase: rollout.status.phase, step: rollout.status.stepIndex, weight: rollout.status.canaryWeight },
      });
    }
    return true;
  });
}

/** Records a person's promote (`full`: skip every remaining step) or abort request for the runner's next pass. */
export async function requestRollout(
  db: Kysely<Database>,
  id: number,
  request: { readonly kind: 'promote'; readonly full: boolean } | { readonly kind: 'abort'; readonly message: string },
  actor: string,
  at: string,
): Promise<RolloutRecord> {
  const rollout = await getRollout(db, id);
  if (TERMINAL_PHASES.has(rollout.status.phase)) {
    throw new StepwiseError('CONFLICT', `rollout #${id} has already ${rollout.status.phase === 'succeeded' ? 'succeeded' : 'been rolled back'}; start a new one`, { pointer: '/id' });
  }
  return withEnvironmentLock(db, rollout.environment, async (trx) => {
    if (request.kind === 'promote') {
      await trx
        .updateTable('rollouts')
        .set((eb) => ({ promotes: eb('promotes', '+', 1), promote_full: request.full ? 1 : eb.ref('promote_full'), updated_at: at }))
        .where('id', '=', id)
        .execute();
    } else {
      await trx.updateTable('rollouts').set({ abort_message: request.message, updated_at: at }).where('id', '=', id).execute();
    }
    await recordAudit(trx, { actor, action: `rollout.${request.kind}-requested`, subject: `rollout:${id}`, at, data: request });
    const row = await trx.selectFrom('rollouts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toRolloutRecord(row);
  });
}
