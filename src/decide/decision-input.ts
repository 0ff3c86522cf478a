import type { EnvironmentSnapshot, VersionCatalog } from '../model/snapshot.ts';
import type { Ignore } from './ignore.ts';
import type { PairChecker } from './pair-checker.ts';

export interface Candidate {
  readonly service: string;
  readonly version: string;
  /**
   * The target the candidate replaces. Absent: it replaces every `deployed` version of its service
   * (released versions stay live, they accumulate).
   */
  readonly target?: string;
  /** `released` replaces nothing: earlier releases stay live beside it (mobile apps, libraries). Default `deployed`. */
  readonly mode?: 'deployed' | 'released';
}

export interface DecisionInput {
  /** The environment as it is (or, for the planner, as it would be). `snapshot.at` is "now". */
  readonly snapshot: EnvironmentSnapshot;
  /** Must hold the candidate and every version live or in history in the snapshot. */
  readonly versions: VersionCatalog;
  readonly candidate: Candidate;
  readonly ignores?: readonly Ignore[];
  readonly checker: PairChecker;
}
