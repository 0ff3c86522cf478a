import type { Generated, Insertable, Selectable } from 'kysely';

/** The history of one rollout: every transition the machine made, in order. */
export interface RolloutEventsTable {
  id: Generated<number>;
  rollout_id: number;
  at: string;
  /** A RolloutTransition kind: started, step, paused, aborted, succeeded, rolled-back, ... */
  kind: string;
  message: string;
  /** JSON: the status after the transition. */
  data: string | null;
}

export type RolloutEventRow = Selectable<RolloutEventsTable>;
export type NewRolloutEventRow = Insertable<RolloutEventsTable>;
