import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database, StoreDialect } from './database.ts';

export function dialectOf(db: Kysely<Database>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Runs `work` in one transaction and commits it, or rolls everything back when it throws.
 * On SQLite the transaction starts IMMEDIATE: it takes the write lock up front, so a second
 * writer waits (busy timeout) instead of failing when it tries to upgrade a read lock.
 */
export async function writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
