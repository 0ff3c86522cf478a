import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * One rollout of a service version into an environment. The machine's status is one JSON column,
 * written once per pass with `revision` bumped (a pass that read an older revision writes nothing);
 * people's requests (promote, abort) are separate columns, so they never race a status write.
 */
export interface RolloutsTable {
  id: Generated<number>;
  environment: string;
  service: string;
  version: string;
  /** The version serving before; null for a first deployment. */
  stable_version: string | null;
  /** JSON of the parsed RolloutSpec. */
  spec: string;
  /** JSON of the VersionRunSpec of the new and the stable version. */
  run: string;
  stable_run: string | null;
  /** JSON of the RolloutStatus. */
  status: string;
  /** Copy of status.phase for queries. */
  phase: string;
  revision: number;
  promotes: number;
  promote_full: number;
  abort_message: string | null;
  /** ISO time of the next timer, or null. */
  wake_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type RolloutRow = Selectable<RolloutsTable>;
export type NewRolloutRow = Insertable<RolloutsTable>;
export type RolloutUpdate = Updateable<RolloutsTable>;
