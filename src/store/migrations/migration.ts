import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';

/**
 * One schema change. Frozen in time: it sees `Kysely<any>` because the `Database` interface moves
 * on while a migration must keep describing the schema as it was when it was written.
 */
export interface StepwiseMigration {
  // `any`: a migration must not depend on today's table types (see above).
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}
