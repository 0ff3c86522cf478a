import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import { withIdColumn } from './id-column.ts';
import type { StepwiseMigration } from './migration.ts';

/** Rollouts and their transition history. */
export const rolloutsMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
    await withIdColumn(db.schema.createTable('rollouts'), dialect)
      .addColumn('environment', 'text', (col) => col.notNull().references('environments.name'))
      .addColumn('service', 'text', (col) => col.notNull())
      .addColumn('version', 'text', (col) => col.notNull())
      .addColumn('stable_version', 'text')
      .addColumn('spec', 'text', (col) => col.notNull())
      .addColumn('run', 'text', (col) => col.notNull())
      .addColumn('stable_run', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('phase', 'text', (col) => col.notNull())
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('promotes', 'integer', (col) => col.notNull())
      .addColumn('promote_full', 'integer', (col) => col.notNull())
      .addColumn('abort_message', 'text')
      .addColumn('wake_at', 'text')
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    // The runner reads the active rollouts of an environment on every pass.
    await db.schema.createIndex('rollouts_env_phase').on('rollouts').columns(['environment', 'phase', 'id']).execute();
    await db.schema.createIndex('rollouts_env_service').on('rollouts').columns(['environment', 'service', 'id']).execute();

    await withIdColumn(db.schema.createTable('rollout_events'), dialect)
      .addColumn('rollout_id', 'integer', (col) => col.notNull().references('rollouts.id'))
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('message', 'text', (col) => col.notNull())
      .addColumn('data', 'text')
      .execute();
    await db.schema.createIndex('rollout_events_rollout').on('rollout_events').columns(['rollout_id', 'id']).execute();
  },
};
