import type { Reason } from '../decide/reason.ts';
import { effectOf } from '../decide/reason-code.ts';
import type { Binding } from './plan.ts';
import type { PrecedenceGraph } from './precedence-graph.ts';
import { stronglyConnected } from './strongly-connected.ts';

export interface Component {
  /** Node indices, ascending. */
  readonly members: readonly number[];
  readonly bindings: readonly Binding[];
}

/**
 * The lock-step groups: strongly connected components of more than one change, each with the
 * contract elements on its edges (what breaks when an order inside the group is tried).
 */
export function lockstepComponents(graph: PrecedenceGraph): Component[] {
  const components = stronglyConnected(graph.nodes.length, graph.successors).filter((members) => members.length > 1);
  return components
    .map((members) => {
      const inside = new Set(members);
      const reasons: Reason[] = [];
      for (const from of members) {
        for (const to of graph.successors[from]!) {
          if (inside.has(to)) reasons.push(...graph.edges.get(`${from}>${to}`)!.reasons);
        }
      }
      return { members, bindings: bindingsOf(reasons) };
    })
    .sort((a, b) => a.members[0]! - b.members[0]!);
}

/** One binding per (interface, rule, location), in a stable order. */
export function bindingsOf(reasons: readonly Reason[]): Binding[] {
  const seen = new Map<string, Binding>();
  for (const reason of reasons) {
    if (effectOf(reason.code) !== 'no') continue;
    const binding: Binding = {
      interface: reason.interface ?? '',
      rule: reason.rule ?? reason.code,
      ...(reason.location ? { location: reason.location } : {}),
      between: [`${reason.service}@${reason.version}`, reason.counterpart ?? ''],
      message: reason.message,
    };
    const key = `${binding.interface}|${binding.rule}|${reason.location?.pointer ?? ''}|${binding.between.join('|')}`;
    if (!seen.has(key)) seen.set(key, binding);
  }
  return [...seen.values()].sort((a, b) => (a.interface + a.rule + a.between.join()).localeCompare(b.interface + b.rule + b.between.join()));
}

/** Every node reachable from `roots` (the roots included). */
export function downstreamOf(graph: Pick<PrecedenceGraph, 'successors'>, roots: Iterable<number>): Set<number> {
  const seen = new Set<number>(roots);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const next of graph.successors[stack.pop()!]!) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
