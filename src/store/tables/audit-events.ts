import type { Generated, Insertable, Selectable } from 'kysely';

/** Who changed what, when; written in the same transaction as the change it describes. */
export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** Dotted verb, e.g. `version.published`, `deployment.recorded`, `token.revoked`. */
  action: string;
  /** What it acted on, e.g. `service:writer@1.4.0`, `environment:production`. */
  subject: string;
  /** JSON. */
  data: string | null;
  /** JSON of the state before the change, where there was one. */
  previous: string | null;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEventRow = Insertable<AuditEventsTable>;
