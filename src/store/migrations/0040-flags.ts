import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import { withIdColumn } from './id-column.ts';
import type { StepwiseMigration } from './migration.ts';

/** Flags per environment and the log of every change to them. */
export const flagsMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
    await withIdColumn(db.schema.createTable('flags'), dialect)
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('environment', 'text', (col) => col.notNull().references('environments.name'))
      .addColumn('description', 'text')
      .addColumn('definition', 'text', (col) => col.notNull())
      .addColumn('enabled', 'integer', (col) => col.notNull())
      .addColumn('killed', 'integer', (col) => col.notNull())
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .addColumn('update_reason', 'text')
      .addUniqueConstraint('flags_name_environment', ['name', 'environment'])
      .execute();
    await db.schema.createIndex('flags_environment').on('flags').columns(['environment', 'name']).execute();

    await withIdColumn(db.schema.createTable('flag_events'), dialect)
      .addColumn('environment', 'text', (col) => col.notNull().references('environments.name'))
      .addColumn('flag', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('reason', 'text')
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('definition', 'text', (col) => col.notNull())
      .addColumn('previous', 'text')
      .execute();
    await db.schema.createIndex('flag_events_env_flag').on('flag_events').columns(['environment', 'flag', 'id']).execute();
  },
};
