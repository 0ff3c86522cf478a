import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, StoreDialect } from './database.ts';
import { migrateToLatest } from './migrate.ts';

export type StoreOptions = { readonly sqlitePath: string } | { readonly postgresUrl: string; readonly poolSize?: number };

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** Opens the database and runs every pending migration before handing it out. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = 'sqlitePath' in options ? openSqlite(options.sqlitePath) : openPostgres(options.postgresUrl, options.poolSize);
  try {
    await migrateToLatest(store.db, store.dialect);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  // WAL lets readers go on while one writer commits; the busy timeout makes a second process wait, not fail.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function openPostgres(url: string, poolSize = 10): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Counts and bigint columns come back as numbers: every value Stepwise keeps fits in 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can die under the pool (PostgreSQL restarted, a failover, an administrator
  // ending it). The pool drops that connection by itself and the next query opens a new one; without
  // a listener, though, the error event would bring the whole server down.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
