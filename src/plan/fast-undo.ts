import type { ChangeNode } from './change-node.ts';
import { breakingBetween, published } from './link-pair-orders.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { entriesOf } from './version-entries.ts';

/**
 * Whether putting `candidate` live in place of `replaced` is plainly clean, from the pair memo
 * alone: both versions talk only over request/response interfaces with plain (required, unflagged,
 * declared) dependencies, and the candidate meets every live neighbour version cleanly, as provider
 * and as consumer. There can-i-deploy says yes with nothing to add. True means clean; undefined
 * means "ask decide()", which also explains whatever is not clean.
 */
export function plainDeployClean(context: PlanContext, state: PlanState, service: string, candidateVersion: string, replacedVersion: string | undefined): true | undefined {
  const checker = context.checker;
  if (!checker) return undefined;
  const candidate = published(context, service, candidateVersion);
  const replaced = replacedVersion === undefined ? undefined : published(context, service, replacedVersion);
  if (!candidate || (replacedVersion !== undefined && !replaced)) return undefined;
  const mine = entriesOf(candidate);
  if (!mine.plain || (replaced && !entriesOf(replaced).plain)) return undefined;
  if (state.liveOf(service).some((live) => live.version !== replacedVersion && live.version !== candidateVersion)) return undefined;
  // What only the replaced version served: a neighbour relying on it makes this a question for decide().
  const dropped: string[] = [];
  for (const entry of replaced?.provides ?? []) if (!mine.provides.has(entry.interface)) dropped.push(entry.interface);
  const served = new Set<string>();
  try {
    for (const neighbour of context.links.neighbours(service)) {
      for (const live of state.liveOf(neighbour)) {
        const other = published(context, neighbour, live.version);
        if (!other) return undefined;
        // Looked up by interface from the candidate's few entries, not by walking all of the neighbour's.
        const theirs = entriesOf(other);
        for (const [id, offered] of mine.providesList) {
          const consumed = theirs.consumesAll.get(id);
          if (!consumed) continue;
          if (theirs.unplain.has(id)) return undefined;
          for (const entry of consumed) if (offered.kind !== entry.kind || breakingBetween(checker, offered, entry).length > 0) return undefined;
        }
        for (const id of dropped) if (theirs.consumesAll.has(id)) return undefined;
        for (const offered of other.provides) {
          const wanted = mine.consumes.get(offered.interface);
          if (!wanted) continue;
          served.add(offered.interface);
          if (offered.kind !== wanted.kind || breakingBetween(checker, offered, wanted).length > 0) return undefined;
        }
      }
    }
  } catch {
    return undefined;
  }
  for (const id of mine.consumes.keys()) if (!served.has(id) && !mine.provides.has(id)) return undefined;
  return true;
}

/** Undoing a deploy is deploying the old version over the new one. */
export function fastUndoSafe(context: PlanContext, state: PlanState, node: ChangeNode): true | undefined {
  if (node.kind !== 'deploy' || node.from === undefined) return undefined;
  return plainDeployClean(context, state, node.service, node.from, node.version);
}
