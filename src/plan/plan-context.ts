import type { Ignore } from '../decide/ignore.ts';
import type { PairChecker } from '../decide/pair-checker.ts';
import type { VersionCatalog } from '../model/snapshot.ts';
import type { LinkIndex } from './link-index.ts';
import type { PlanDecide } from './plan-decide.ts';

/** What every stage of the planner reads: the decision, the catalog and the link index. */
export interface PlanContext {
  readonly decide: PlanDecide;
  readonly versions: VersionCatalog;
  readonly links: LinkIndex;
  readonly ignores?: readonly Ignore[];
  /** The checker `decide` uses; when given, plain request/response pairs are judged from its memo directly. */
  readonly checker?: PairChecker;
}
