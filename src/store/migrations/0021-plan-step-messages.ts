import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import type { StepwiseMigration } from './migration.ts';

/**
 * Executing a plan can stop at a step a person must finish first (publish a version it names):
 * the step keeps the sentence that says what to do, so whoever follows the plan can read it.
 */
export const planStepMessagesMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
    await db.schema.alterTable('plan_steps').addColumn('message', 'text').execute();
  },
};
