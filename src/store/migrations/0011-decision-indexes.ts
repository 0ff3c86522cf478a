import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import type { StepwiseMigration } from './migration.ts';

/**
 * Every decision asks which live versions have no contracts (they make the answer unknown): a
 * partial index keeps that question from scanning every version ever published.
 */
export const decisionIndexesMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
    await db.schema.createIndex('versions_without_contracts').on('versions').columns(['service', 'version']).where(sql.ref('has_contracts'), '=', 0).execute();
  },
};
