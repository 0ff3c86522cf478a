import type { Kysely } from 'kysely';
import { StepwiseError } from '../model/errors.ts';
import type { Database } from './database.ts';
import { dialectOf, writeTransaction } from './write-transaction.ts';

/**
 * Runs `work` in a transaction that holds the environment's write lock, so writers of one
 * environment (deployment records, checked deploys, rollout steps) happen one after another and
 * each sees what the previous one committed. PostgreSQL: a row lock on the environment;
 * SQLite: an immediate transaction (SQLite has one writer at a time anyway).
 * Throws NOT_FOUND when the environment does not exist.
 */
export async function withEnvironmentLock<T>(
  db: Kysely<Database>,
  environment: string,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return writeTransaction(db, async (trx) => {
    let query = trx.selectFrom('environments').select('name').where('name', '=', environment);
    if (dialectOf(db) === 'postgres') query = query.forUpdate();
    const found = await query.executeTakeFirst();
    if (!found) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
    return work(trx);
  });
}
