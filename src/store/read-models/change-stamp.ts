import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/**
 * A value that changes whenever anything a read model shows may have changed: every mutation
 * writes an audit event and every deployment an event, so the two highest ids say it in one
 * query of two primary-key lookups. Shared by every server on the same database, unlike an in-process counter.
 */
export async function loadChangeStamp(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('audit_events').select((inner) => inner.fn.max('id').as('id')).as('audit'),
      eb.selectFrom('deployment_events').select((inner) => inner.fn.max('id').as('id')).as('deployments'),
    ])
    .executeTakeFirst();
  return `${row?.audit ?? 0}.${row?.deployments ?? 0}`;
}
