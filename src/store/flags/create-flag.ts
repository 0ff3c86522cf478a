import type { Kysely } from 'kysely';
import { validateFlagDefinition } from '../../flags/evaluate/validate-flag-definition.ts';
import type { FlagDefinition } from '../../flags/evaluate/flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import { writeTransaction } from '../write-transaction.ts';
import { definitionJson, toStoredFlag, type StoredFlag } from './stored-flag.ts';

export interface NewFlag {
  readonly name: string;
  readonly description?: string;
  /** Environments to create it in; default every environment. */
  readonly environments?: readonly string[];
  readonly actor: string;
  readonly reason?: string;
  readonly at?: string;
}

/**
 * Creates a flag, switched off, in each environment (a flag that exists anywhere already is a
 * CONFLICT, and nothing is created). Every row gets a `created` event and an audit record.
 */
export async function createFlag(db: Kysely<Database>, input: NewFlag): Promise<StoredFlag[]> {
  const at = input.at ?? new Date().toISOString();
  const definition: FlagDefinition = { name: input.name, enabled: false, strategies: [] };
  const problems = validateFlagDefinition(definition);
  if (problems.length > 0) throw new StepwiseError('BAD_INPUT', problems[0]!.message, { pointer: problems[0]!.pointer });
  return writeTransaction(db, async (trx) => {
    const known = (await trx.selectFrom('environments').select('name').orderBy('position').execute()).map((row) => row.name);
    const environments = input.environments && input.environments.length > 0 ? [...new Set(input.environments)] : known;
    for (const environment of environments) {
      if (!known.includes(environment)) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environments' });
    }
    if (environments.length === 0) throw new StepwiseError('BAD_INPUT', 'there is no environment to create the flag in: create one first', { pointer: '/environments' });
    const existing = await trx.selectFrom('flags').select('environment').where('name', '=', input.name).execute();
    if (existing.length > 0) {
      throw new StepwiseError('CONFLICT', `flag "${input.name}" already exists (in ${existing.map((row) => row.environment).join(', ')})`, { pointer: '/name' });
    }
    const created: StoredFlag[] = [];
    for (const environment of environments) {
      const row = {
        name: input.name,
        environment,
        description: input.description ?? null,
        definition: definitionJson(definition),
        enabled: 0,
        killed: 0,
        revision: 1,
        created_at: at,
        updated_at: at,
        updated_by: input.actor,
        update_reason: input.reason ?? null,
      };
      const inserted = await trx.insertInto('flags').values(row).returningAll().executeTakeFirstOrThrow();
      await trx
        .insertInto('flag_events')
        .values({ environment, flag: input.name, action: 'created', actor: input.actor, reason: input.reason ?? null, at, definition: row.definition, previous: null })
        .execute();
      await recordAudit(trx, {
        actor: input.actor,
        action: 'flag.created',
        subject: `flag:${input.name}@${environment}`,
        at,
        data: { definition, reason: input.reason ?? null },
      });
      created.push(toStoredFlag(inserted));
    }
    return created;
  });
}
