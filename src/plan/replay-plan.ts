import { effectOf } from '../decide/reason-code.ts';
import type { Reason } from '../decide/reason.ts';
import { verdictOf, type VerdictValue } from '../decide/verdict.ts';
import { applyMove, undoMove } from './apply-move.ts';
import type { ChangeNode } from './change-node.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { versionKey } from '../model/snapshot.ts';
import { plainDeployBothWays } from './fast-undo.ts';
import { downstreamOf } from './lockstep-groups.ts';
import type { PrecedenceGraph } from './precedence-graph.ts';

export interface ReplayedStep {
  readonly node: ChangeNode;
  readonly verdict: VerdictValue;
  readonly reasons: readonly Reason[];
  readonly reversible: boolean;
  /** 1-based step after which undoing this one is unsafe. */
  readonly irreversibleAfter?: number;
  readonly undoReasons: readonly Reason[];
}

export interface Refusal {
  readonly node: ChangeNode;
  readonly reasons: readonly Reason[];
}

export interface Replay {
  readonly steps: readonly ReplayedStep[];
  /**
   * Steps can-i-deploy refuses on the whole environment. Each is left out with everything that
   * depends on it, and the replay goes on with the rest (without the graph it stops at the first).
   */
  readonly refused: readonly Refusal[];
  readonly states: readonly PlanState[];
}

/**
 * Replays the order step by step against the whole neighbourhood of each step, as can-i-deploy
 * would judge it on the day: this is the verdict each step carries. Then, for each step, whether it
 * can still be undone at the end (later steps undone first, but the data they wrote stays); data
 * only accumulates, so the first step that makes it unsafe is found by bisection.
 */
export function replayPlan(
  context: PlanContext,
  initial: PlanState,
  order: readonly ChangeNode[],
  /** The precedence graph the order follows, by node index: what depends on a refused step. */
  graph?: Pick<PrecedenceGraph, 'successors'>,
): Replay {
  const states: PlanState[] = [initial];
  const judged: { node: ChangeNode; verdict: VerdictValue; reasons: readonly Reason[] }[] = [];
  const refused: Refusal[] = [];
  // Nodes left out because a step they depend on was refused.
  const held = new Set<number>();
  // Per judged step: undoing it is plainly clean, known from the walk that judged the deploy.
  const undoClean: boolean[] = [];
  for (const node of order) {
    if (held.has(node.index)) continue;
    const state = states[states.length - 1]!;
    let undoPlain = false;
    if (node.kind === 'deploy') {
      const after = state.deploy(node.service, node.version);
      const plain = plainDeployBothWays(context, state, after, node);
      undoPlain = plain.undo === true;
      if (plain.deploy) {
        // The same yes decide() gives, read from the pair memo (see fast-undo.ts).
        judged.push({ node, verdict: 'yes', reasons: [] });
        undoClean.push(undoPlain);
        states.push(after);
        continue;
      }
    }
    const moved = applyMove(context, state, node, scopeOf(context, state, node));
    const verdict = verdictOf(moved.reasons);
    if (verdict === 'no') {
      refused.push({ node, reasons: moved.reasons.filter((reason) => effectOf(reason.code) === 'no') });
      if (!graph) break;
      for (const index of downstreamOf(graph, [node.index])) held.add(index);
      continue;
    }
    judged.push({ node, verdict, reasons: moved.reasons });
    undoClean.push(undoPlain);
    states.push(moved.state);
  }
  const last = states[states.length - 1]!;
  const steps = judged.map((step, i): ReplayedStep => {
    // Only live versions count for the plain check, and later steps are undone first: the state
    // right after the step, which the forward walk already saw.
    if (undoClean[i]) return { ...step, reversible: true, undoReasons: [] };
    const undo = undoBlockers(context, states[i + 1]!, last, step.node);
    if (undo.length === 0) return { ...step, reversible: true, undoReasons: [] };
    let low = i + 1;
    let high = states.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (undoBlockers(context, states[i + 1]!, states[mid]!, step.node).length > 0) high = mid;
      else low = mid + 1;
    }
    const blockers = undoBlockers(context, states[i + 1]!, states[low]!, step.node);
    return { ...step, reversible: false, irreversibleAfter: low, undoReasons: blockers };
  });
  return { steps, refused, states };
}

function undoBlockers(context: PlanContext, after: PlanState, later: PlanState, node: ChangeNode): Reason[] {
  const state = after.withHistoryOf(later);
  const undone = undoMove(context, state, node, scopeOf(context, state, node));
  return undone.reasons.filter((reason) => effectOf(reason.code) === 'no');
}

/** The services a decision about this move may look at: the service, its neighbours, the flag's users. */
export function scopeOf(context: PlanContext, state: PlanState, node: ChangeNode): string[] {
  if (node.service !== undefined) return [node.service, ...context.links.neighbours(node.service)];
  const users = new Set<string>();
  for (const id of flagInterfaces(context, state, node.flag)) {
    for (const service of [...context.links.providersOf(id), ...context.links.consumersOf(id)]) users.add(service);
  }
  const scope = new Set<string>();
  for (const user of users) {
    scope.add(user);
    for (const neighbour of context.links.neighbours(user)) scope.add(neighbour);
  }
  return [...scope];
}

function flagInterfaces(context: PlanContext, state: PlanState, flag: string): string[] {
  const out: string[] = [];
  for (const live of state.snapshot().live) {
    for (const entry of context.versions.get(versionKey(live.service, live.version))?.consumes ?? []) if (entry.flag === flag) out.push(entry.interface);
  }
  return out;
}
