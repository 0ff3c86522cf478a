import { Migrator, type Kysely, type Migration } from 'kysely';
import { StepwiseError } from '../model/errors.ts';
import type { StoreDialect } from './database.ts';
import { MIGRATIONS, type StepwiseMigration } from './migrations/index.ts';

/**
 * Brings the schema up to date. Kysely's migrator keeps the applied list and holds a lock while it
 * runs, so two servers starting on one PostgreSQL database do not migrate twice.
 */
export async function migrateToLatest(
  // `any`: the migrator works below the typed schema, on tables it manages itself.
  db: Kysely<any>,
  dialect: StoreDialect,
  migrations: Readonly<Record<string, StepwiseMigration>> = MIGRATIONS,
): Promise<string[]> {
  const provided: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(migrations)) provided[name] = { up: (trx) => migration.up(trx, dialect) };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => provided },
    migrationTableName: 'stepwise_migrations',
    migrationLockTableName: 'stepwise_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new StepwiseError('INTERNAL', `schema migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
