import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import type { StepwiseMigration } from './migration.ts';

/** The memo of compatibility results by (kind, provider hash, consumer hash, engine version). */
export const pairResultsMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
    await db.schema
      .createTable('pair_results')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('provider_hash', 'text', (col) => col.notNull())
      .addColumn('consumer_hash', 'text', (col) => col.notNull())
      .addColumn('engine_version', 'text', (col) => col.notNull())
      .addColumn('findings', 'text', (col) => col.notNull())
      .addColumn('computed_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('pair_results_key', ['provider_hash', 'consumer_hash', 'kind', 'engine_version'])
      .execute();
    // A decision preloads every row that has one of the candidate's contracts on either side.
    await db.schema.createIndex('pair_results_consumer').on('pair_results').columns(['consumer_hash']).execute();
  },
};
