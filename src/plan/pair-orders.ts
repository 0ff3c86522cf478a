import { effectOf } from '../decide/reason-code.ts';
import type { Reason } from '../decide/reason.ts';
import { applyMove } from './apply-move.ts';
import type { ChangeNode } from './change-node.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { linkPairOrders } from './link-pair-orders.ts';

/** What each order of two linked changes costs: the blocking reasons, empty when it is safe. */
export interface PairOrders {
  readonly xFirst: readonly Reason[];
  readonly yFirst: readonly Reason[];
}

/**
 * Tries both orders of two changes whose services are linked, each move with its rollout window,
 * on a snapshot holding only the two services (plus unchanged co-providers of what they share).
 * Only reasons about this pair count: the rest of the environment is the replay's business.
 */
export function pairOrders(
  context: PlanContext,
  initial: PlanState,
  x: ChangeNode & { readonly service: string },
  y: ChangeNode & { readonly service: string },
  changing: ReadonlySet<string>,
): PairOrders {
  const shared = context.links.shared(x.service, y.service);
  if (x.kind === 'deploy' && y.kind === 'deploy') {
    const fast = linkPairOrders(context, x, y, shared);
    if (fast) return fast;
  }
  const scope = [x.service, y.service];
  for (const id of shared) for (const provider of context.links.providersOf(id)) if (!changing.has(provider)) scope.push(provider);
  const base = startOf(startOf(initial, x), y);
  return {
    xFirst: blocking(context, base, x, y, scope, shared),
    yFirst: blocking(context, base, y, x, scope, shared),
  };
}

function blocking(
  context: PlanContext,
  base: PlanState,
  first: ChangeNode & { readonly service: string },
  second: ChangeNode & { readonly service: string },
  scope: readonly string[],
  shared: readonly string[],
): Reason[] {
  const one = applyMove(context, base, first, scope);
  const two = applyMove(context, one.state, second, scope);
  return [...one.reasons.filter((r) => concerns(r, second.service, shared)), ...two.reasons.filter((r) => concerns(r, first.service, shared))];
}

/** A reason blocks the pair when it is a "no" about the other service or an interface they share. */
function concerns(reason: Reason, other: string, shared: readonly string[]): boolean {
  if (effectOf(reason.code) !== 'no') return false;
  if (reason.counterpart !== undefined) return serviceOf(reason.counterpart) === other;
  return reason.interface !== undefined && shared.includes(reason.interface);
}

export function serviceOf(counterpart: string): string {
  const at = counterpart.lastIndexOf('@');
  return at > 0 ? counterpart.slice(0, at) : counterpart;
}

/** The state the change starts from: its service at the version before it (an earlier target, maybe). */
function startOf(state: PlanState, node: ChangeNode & { readonly service: string }): PlanState {
  const from = node.from;
  if (from === undefined) return state.isLive(node.service) ? state.undeploy(node.service) : state;
  return state.currentVersion(node.service) === from ? state : state.deploy(node.service, from);
}
