import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import { withIdColumn } from './id-column.ts';
import type { StepwiseMigration } from './migration.ts';

/** Stored technical schedules and their steps. */
export const plansMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
    await withIdColumn(db.schema.createTable('plans'), dialect)
      .addColumn('environments', 'text', (col) => col.notNull())
      .addColumn('targets', 'text', (col) => col.notNull())
      .addColumn('plan', 'text', (col) => col.notNull())
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('plans_created_at').on('plans').columns(['created_at']).execute();
    await db.schema
      .createTable('plan_steps')
      .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('environment', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('service', 'text')
      .addColumn('version', 'text')
      .addColumn('flag', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('plan_steps_key', ['plan_id', 'position'])
      .execute();
  },
};
