import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Environments in promotion order (dev -> staging -> production). */
export interface EnvironmentsTable {
  name: string;
  position: number;
  description: string | null;
  created_at: ColumnType<string, string, never>;
}

export type EnvironmentRow = Selectable<EnvironmentsTable>;
export type NewEnvironmentRow = Insertable<EnvironmentsTable>;
