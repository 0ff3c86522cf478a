import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface AuditEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly data?: unknown;
  readonly previous?: unknown;
}

export interface AuditFilter {
  readonly subject?: string;
  readonly action?: string;
  readonly actor?: string;
  /** Only events with a smaller id (paging backwards). */
  readonly before?: number;
  readonly limit?: number;
}

/** Newest first. */
export async function listAuditEvents(db: Kysely<Database>, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 100);
  if (filter.subject) query = query.where('subject', '=', filter.subject);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    ...(row.data === null ? {} : { data: JSON.parse(row.data) as unknown }),
    ...(row.previous === null ? {} : { previous: JSON.parse(row.previous) as unknown }),
  }));
}
