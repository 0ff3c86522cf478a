import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../database.ts';
import { toStoredFlag, type StoredFlag } from './stored-flag.ts';

export interface FlagFilter {
  readonly environment?: string;
  readonly name?: string;
}

/** Flags by name, then environment in promotion order. */
export async function listFlags(db: Kysely<Database>, filter: FlagFilter = {}): Promise<StoredFlag[]> {
  let query = db
    .selectFrom('flags')
    .innerJoin('environments', 'environments.name', 'flags.environment')
    .selectAll('flags')
    .orderBy('flags.name')
    .orderBy('environments.position');
  if (filter.environment) query = query.where('flags.environment', '=', filter.environment);
  if (filter.name) query = query.where('flags.name', '=', filter.name);
  return (await query.execute()).map(toStoredFlag);
}

/** One flag in one environment; NOT_FOUND names which of the two is missing. */
export async function getFlag(db: Kysely<Database>, name: string, environment: string): Promise<StoredFlag> {
  const row = await db.selectFrom('flags').selectAll().where('name', '=', name).where('environment', '=', environment).executeTakeFirst();
  if (row) return toStoredFlag(row);
  const env = await db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
  if (!env) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
  throw new StepwiseError('NOT_FOUND', `flag "${name}" does not exist in environment "${environment}"`, { pointer: '/name' });
}
