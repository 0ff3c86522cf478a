import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A service known to the registry; created by its first publish. */
export interface ServicesTable {
  name: string;
  owner: string | null;
  description: string | null;
  /** ISO timestamp. */
  created_at: ColumnType<string, string, never>;
  updated_at: string;
}

export type ServiceRow = Selectable<ServicesTable>;
export type NewServiceRow = Insertable<ServicesTable>;
