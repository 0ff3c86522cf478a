import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Spans during which a version was live on a target of an environment. Open spans (`until` null)
 * are what runs now; closed ones are the history data at rest comes from.
 */
export interface LiveVersionsTable {
  id: Generated<number>;
  environment: string;
  service: string;
  version: string;
  target: string;
  mode: 'deployed' | 'released';
  since: string;
  until: string | null;
  since_event: number;
  until_event: number | null;
}

export type LiveVersionRow = Selectable<LiveVersionsTable>;
export type NewLiveVersionRow = Insertable<LiveVersionsTable>;
