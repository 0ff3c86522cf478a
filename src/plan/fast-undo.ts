import { carriesDataAtRest } from '../model/interface-id.ts';
import type { PublishedVersion } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import { breakingBetween, plain, published } from './link-pair-orders.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';

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
  if (!isPlain(candidate) || (replaced && !isPlain(replaced))) return undefined;
  if (state.liveOf(service).some((live) => live.version !== replacedVersion && live.version !== candidateVersion)) return undefined;
  const provides = new Map(candidate.provides.map((e) => [e.interface, e]));
  const dropped = new Set((replaced?.provides ?? []).map((e) => e.interface).filter((id) => !provides.has(id)));
  const needed = new Map(candidate.consumes.map((e) => [e.interface, e]));
  const served = new Set<string>();
  try {
    for (const neighbour of context.links.neighbours(service)) {
      for (const live of state.liveOf(neighbour)) {
        const other = published(context, neighbour, live.version);
        if (!other) return undefined;
        for (const consumed of other.consumes) {
          const mine = provides.get(consumed.interface);
          if (!mine) {
            // It relied on something only the replaced version served: decide() knows whether another provider is there.
            if (dropped.has(consumed.interface)) return undefined;
            continue;
          }
          if (!plain(consumed) || mine.kind !== consumed.kind || breakingBetween(checker, mine, consumed).length > 0) return undefined;
        }
        for (const offered of other.provides) {
          const wanted = needed.get(offered.interface);
          if (!wanted) continue;
          served.add(offered.interface);
          if (offered.kind !== wanted.kind || breakingBetween(checker, offered, wanted).length > 0) return undefined;
        }
      }
    }
  } catch {
    return undefined;
  }
  for (const id of needed.keys()) if (!served.has(id) && !provides.has(id)) return undefined;
  return true;
}

/** Undoing a deploy is deploying the old version over the new one. */
export function fastUndoSafe(context: PlanContext, state: PlanState, node: ChangeNode): true | undefined {
  if (node.kind !== 'deploy' || node.from === undefined) return undefined;
  return plainDeployClean(context, state, node.service, node.from, node.version);
}

function isPlain(version: PublishedVersion): boolean {
  return !version.provides.some((e) => carriesDataAtRest(e.interface)) && !version.consumes.some((e) => carriesDataAtRest(e.interface) || !plain(e));
}
