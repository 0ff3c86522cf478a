import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

/**
 * Real databases for tests. PostgreSQL is not optional: when it is not reachable the suite fails
 * with a message saying so, it never skips (CI must prove both stores).
 */
export const POSTGRES_ADMIN_URL = process.env.STEPWISE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates a fresh, empty PostgreSQL database; `drop()` removes it. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `stepwise_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // A closed pool has asked its connections to end but may not have seen them go; forcing the
      // drop while they close makes the server kill them, and their client then throws in whatever
      // test runs next. Wait for them first; force only what is still there after that.
      for (let attempt = 0; attempt < 50 && (await connectionsTo(name)) > 0; attempt += 1) await delay(100);
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function connectionsTo(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('select count(*) from pg_stat_activity where datname = $1', [database]);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the store tests and is not reachable at ${POSTGRES_ADMIN_URL} ` +
        `(${(error as Error).message}); start it (see .ci/run) or set STEPWISE_TEST_POSTGRES_URL`,
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TempDirectory {
  readonly path: string;
  remove(): void;
}

export function createTempDirectory(prefix = 'stepwise-test-'): TempDirectory {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A path for a SQLite file in a new temp directory; `remove()` deletes the directory. */
export function createSqlitePath(): { readonly path: string; remove(): void } {
  const dir = createTempDirectory('stepwise-sqlite-');
  return { path: join(dir.path, 'stepwise.db'), remove: dir.remove };
}

export type StoreKind = 'sqlite' | 'postgres';

/** Store options for a fresh database of either kind, with its cleanup. */
export async function freshStoreOptions(kind: StoreKind): Promise<{ options: { sqlitePath: string } | { postgresUrl: string }; cleanup(): Promise<void> }> {
  if (kind === 'sqlite') {
    const file = createSqlitePath();
    return { options: { sqlitePath: file.path }, cleanup: async () => file.remove() };
  }
  const database = await createPostgresDatabase();
  return { options: { postgresUrl: database.url }, cleanup: () => database.drop() };
}
