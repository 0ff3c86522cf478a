import type { Generated, Insertable, Selectable } from 'kysely';

/** A flag's current definition in one environment (one row per flag and environment). */
export interface FlagsTable {
  id: Generated<number>;
  name: string;
  environment: string;
  description: string | null;
  /** JSON of the FlagDefinition without its name. */
  definition: string;
  /** Copies of definition fields, for listing without parsing. 0/1. */
  enabled: number;
  killed: number;
  /** Counts the changes to this row; starts at 1. */
  revision: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  update_reason: string | null;
}

export type FlagRow = Selectable<FlagsTable>;
export type NewFlagRow = Insertable<FlagsTable>;
