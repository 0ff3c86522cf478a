import type { Generated, Insertable, Selectable } from 'kysely';

/** Every change to a flag in an environment, with who and why: the flag's history, and its state at any time. */
export interface FlagEventsTable {
  id: Generated<number>;
  environment: string;
  flag: string;
  /** `created` | `enable` | `disable` | `kill` | `revive` | `rollout` | `update` */
  action: string;
  actor: string;
  reason: string | null;
  at: string;
  /** JSON of the definition after the change. */
  definition: string;
  /** JSON of the definition before, or null for `created`. */
  previous: string | null;
}

export type FlagEventRow = Selectable<FlagEventsTable>;
export type NewFlagEventRow = Insertable<FlagEventsTable>;
