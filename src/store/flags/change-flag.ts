import type { Kysely } from 'kysely';
import { applyFlagChange, type FlagChange } from '../../flags/change/flag-change.ts';
import { validateFlagDefinition } from '../../flags/evaluate/validate-flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import { withEnvironmentLock } from '../environment-lock.ts';
import { definitionJson, definitionOf, toStoredFlag, type StoredFlag } from './stored-flag.ts';

export interface FlagChangeRequest {
  readonly name: string;
  readonly environment: string;
  readonly change: FlagChange;
  readonly actor: string;
  /** Why: shown in the flag's history and the audit log. Required, so no change goes unexplained. */
  readonly reason: string;
  readonly at?: string;
}

export interface FlagChangeResult {
  readonly flag: StoredFlag;
  /** False when the change left the flag as it was (nothing recorded). */
  readonly changed: boolean;
}

/**
 * Applies one change under the environment's lock: the new definition is validated first (bad input
 * changes nothing), then the row, a flag event and an audit record are written in one transaction.
 */
export async function changeFlag(db: Kysely<Database>, request: FlagChangeRequest): Promise<FlagChangeResult> {
  if (!request.reason.trim()) throw new StepwiseError('BAD_INPUT', 'say why: a flag change needs a reason', { pointer: '/reason' });
  const at = request.at ?? new Date().toISOString();
  return withEnvironmentLock(db, request.environment, async (trx) => {
    const row = await trx.selectFrom('flags').selectAll().where('name', '=', request.name).where('environment', '=', request.environment).executeTakeFirst();
    if (!row) throw new StepwiseError('NOT_FOUND', `flag "${request.name}" does not exist in environment "${request.environment}"`, { pointer: '/name' });
    const before = definitionOf(row.name, row.definition);
    const after = applyFlagChange(before, request.change);
    const problems = validateFlagDefinition(after);
    if (problems.length > 0) {
      throw new StepwiseError('BAD_INPUT', problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '), { pointer: problems[0]!.pointer }, { problems });
    }
    const json = definitionJson(after);
    if (json === row.definition) return { flag: toStoredFlag(row), changed: false };
    const updated = await trx
      .updateTable('flags')
      .set({
        definition: json,
        enabled: after.enabled ? 1 : 0,
        killed: after.killed ? 1 : 0,
        revision: row.revision + 1,
        updated_at: at,
        updated_by: request.actor,
        update_reason: request.reason,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('flag_events')
      .values({ environment: request.environment, flag: request.name, action: request.change.kind, actor: request.actor, reason: request.reason, at, definition: json, previous: row.definition })
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: `flag.${request.change.kind}`,
      subject: `flag:${request.name}@${request.environment}`,
      at,
      data: { definition: after, reason: request.reason },
      previous: { definition: before },
    });
    return { flag: toStoredFlag(updated), changed: true };
  });
}
