import type { PairChecker } from '../decide/pair-checker.ts';
import type { LiveVersion, PublishedVersion } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import { breakingBetween, published } from './link-pair-orders.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { entriesOf, type VersionEntries } from './version-entries.ts';

/**
 * Whether putting `candidate` live in place of `replaced` is plainly clean, from the pair memo
 * alone: both versions talk only over request/response interfaces with plain (required, unflagged,
 * declared) dependencies, and the candidate meets every live neighbour version cleanly, as provider
 * and as consumer. There can-i-deploy says yes with nothing to add. True means clean; undefined
 * means "ask decide()", which also explains whatever is not clean.
 */
export function plainDeployClean(context: PlanContext, state: PlanState, service: string, candidateVersion: string, replacedVersion: string | undefined): true | undefined {
  const judge = PlainJudge.of(context, state, service, candidateVersion, replacedVersion);
  if (!judge) return undefined;
  return meetNeighbours(context, state, service, [judge]) && judge.clean() ? true : undefined;
}

/** Undoing a deploy is deploying the old version over the new one. */
export function fastUndoSafe(context: PlanContext, state: PlanState, node: ChangeNode): true | undefined {
  if (node.kind !== 'deploy' || node.from === undefined) return undefined;
  return plainDeployClean(context, state, node.service, node.from, node.version);
}

/**
 * Both questions the replay asks about a deploy, in one walk over the neighbours: is the deploy
 * plainly clean on `before`, and is undoing it plainly clean on `after` (the same state with the
 * deploy made; the neighbours' versions are the same in both, only the service's own differ).
 */
export function plainDeployBothWays(
  context: PlanContext,
  before: PlanState,
  after: PlanState,
  node: Extract<ChangeNode, { kind: 'deploy' }>,
): { readonly deploy: true | undefined; readonly undo: true | undefined } {
  const forward = PlainJudge.of(context, before, node.service, node.version, node.from);
  const back = node.from === undefined ? undefined : PlainJudge.of(context, after, node.service, node.from, node.version);
  const judges = [forward, back].filter((judge): judge is PlainJudge => judge !== undefined);
  if (judges.length === 0 || !meetNeighbours(context, before, node.service, judges)) return { deploy: undefined, undo: undefined };
  return { deploy: forward?.clean() ? true : undefined, undo: back?.clean() ? true : undefined };
}

/** Shows every live version of every neighbour to the judges; false when one is not published. */
function meetNeighbours(context: PlanContext, state: PlanState, service: string, judges: readonly PlainJudge[]): boolean {
  let resolved = RESOLVED.get(context);
  if (!resolved) RESOLVED.set(context, (resolved = new WeakMap()));
  for (const neighbour of context.links.neighbours(service)) {
    for (const live of state.liveOf(neighbour)) {
      // Live entries are shared by every state that did not move their service: resolve each once.
      let found = resolved.get(live);
      if (found === undefined) {
        const other = published(context, neighbour, live.version);
        found = other ? { other, theirs: entriesOf(other) } : null;
        resolved.set(live, found);
      }
      if (!found) return false;
      let open = 0;
      for (const judge of judges) if (judge.meet(found.other, found.theirs)) open++;
      if (open === 0) return true;
    }
  }
  return true;
}

/** Per plan (its context): each live entry's published version, or null when it has none with contracts. */
const RESOLVED = new WeakMap<PlanContext, WeakMap<LiveVersion, { readonly other: PublishedVersion; readonly theirs: VersionEntries } | null>>();

/** One candidate replacing one version, judged neighbour by neighbour; the first problem settles it. */
class PlainJudge {
  private ok = true;
  private readonly served = new Set<string>();

  private constructor(
    private readonly checker: PairChecker,
    private readonly mine: VersionEntries,
    /** What only the replaced version served: a neighbour relying on it is a question for decide(). */
    private readonly dropped: readonly string[],
  ) {}

  static of(context: PlanContext, state: PlanState, service: string, candidateVersion: string, replacedVersion: string | undefined): PlainJudge | undefined {
    const checker = context.checker;
    if (!checker) return undefined;
    const candidate = published(context, service, candidateVersion);
    const replaced = replacedVersion === undefined ? undefined : published(context, service, replacedVersion);
    if (!candidate || (replacedVersion !== undefined && !replaced)) return undefined;
    const mine = entriesOf(candidate);
    if (!mine.plain || (replaced && !entriesOf(replaced).plain)) return undefined;
    if (state.liveOf(service).some((live) => live.version !== replacedVersion && live.version !== candidateVersion)) return undefined;
    const dropped: string[] = [];
    for (const entry of replaced?.provides ?? []) if (!mine.provides.has(entry.interface)) dropped.push(entry.interface);
    return new PlainJudge(checker, mine, dropped);
  }

  /** Meets one live neighbour version; false once the answer is no longer "clean". */
  meet(other: PublishedVersion, theirs: VersionEntries): boolean {
    if (!this.ok) return false;
    try {
      this.ok = this.meets(other, theirs);
    } catch {
      // A check that cannot run (no engine, unreadable contract): decide() reports it as unknown.
      this.ok = false;
    }
    return this.ok;
  }

  private meets(other: PublishedVersion, theirs: VersionEntries): boolean {
    const { checker, mine } = this;
    // Looked up by interface from the candidate's few entries, not by walking all of the neighbour's.
    for (const [id, offered] of mine.providesList) {
      const consumed = theirs.consumesAll.get(id);
      if (!consumed) continue;
      if (theirs.unplain.has(id)) return false;
      for (const entry of consumed) if (offered.kind !== entry.kind || breakingBetween(checker, offered, entry).length > 0) return false;
    }
    for (const id of this.dropped) if (theirs.consumesAll.has(id)) return false;
    for (const offered of other.provides) {
      const wanted = mine.consumes.get(offered.interface);
      if (!wanted) continue;
      this.served.add(offered.interface);
      if (offered.kind !== wanted.kind || breakingBetween(checker, offered, wanted).length > 0) return false;
    }
    return true;
  }

  /** After every neighbour: clean, and every dependency of the candidate is served by someone. */
  clean(): boolean {
    if (!this.ok) return false;
    for (const id of this.mine.consumes.keys()) if (!this.served.has(id) && !this.mine.provides.has(id)) return false;
    return true;
  }
}
