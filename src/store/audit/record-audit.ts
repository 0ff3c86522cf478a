import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data?: unknown;
  readonly previous?: unknown;
  /** ISO timestamp; defaults to now. */
  readonly at?: string;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the log and the
 * change commit or roll back together. A change whose data equals its previous state is not logged.
 */
export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const data = entry.data === undefined ? null : JSON.stringify(entry.data);
  const previous = entry.previous === undefined ? null : JSON.stringify(entry.previous);
  if (data !== null && data === previous) return;
  await trx
    .insertInto('audit_events')
    .values({ at: entry.at ?? new Date().toISOString(), actor: entry.actor, action: entry.action, subject: entry.subject, data, previous })
    .execute();
}
