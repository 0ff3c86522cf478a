import type { Insertable, Selectable } from 'kysely';

/**
 * The persistent memo of compatibility results: one row per distinct pair of contract contents,
 * per check and engine version. Rows are never updated; a new engine version makes new rows.
 */
export interface PairResultsTable {
  /** Contract kind of a link check (`openapi`), or `compare:<kind>` for provider-to-provider. */
  kind: string;
  provider_hash: string;
  consumer_hash: string;
  engine_version: string;
  /** JSON array of findings. */
  findings: string;
  computed_at: string;
}

export type PairResultRow = Selectable<PairResultsTable>;
export type NewPairResultRow = Insertable<PairResultsTable>;
