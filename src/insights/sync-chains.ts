import type { DependencyEdge } from './dependency-graph.ts';
import { stronglyConnected } from './strongly-connected.ts';

/**
 * Chains of synchronous calls of `minimum` services or more: a request that must pass through
 * all of them, so all of them must be up, compatible and fast together. For each service no one
 * calls synchronously, the longest chain starting there is reported. Cycles are reported
 * separately (see `stronglyConnected`); within a cycle a chain stops where it would revisit.
 */
export function syncChains(services: readonly string[], edges: readonly DependencyEdge[], minimum = 3): string[][] {
  const callees = new Map<string, string[]>();
  const called = new Set<string>();
  for (const edge of edges) {
    if (!edge.sync) continue;
    const list = callees.get(edge.consumer) ?? [];
    if (!list.includes(edge.provider)) list.push(edge.provider);
    callees.set(edge.consumer, list);
    called.add(edge.provider);
  }
  // Longest path from each node in the condensation (a DAG), memoised; members of a component
  // share the component's best continuation.
  const components = stronglyConnected(services, (node) => callees.get(node) ?? []);
  const componentOf = new Map<string, number>();
  components.forEach((members, i) => members.forEach((member) => componentOf.set(member, i)));
  const best = new Map<string, string[]>();
  // Tarjan yields components in reverse topological order: callees before callers.
  for (const members of components) {
    for (const node of members) {
      let longest: string[] = [];
      for (const next of callees.get(node) ?? []) {
        if (componentOf.get(next) === componentOf.get(node)) continue;
        const tail = best.get(next) ?? [next];
        if (tail.length > longest.length) longest = tail;
      }
      best.set(node, [node, ...longest]);
    }
  }
  const chains: string[][] = [];
  for (const service of services) {
    if (called.has(service) && !isOnlyCalledWithinItsCycle(service, edges, componentOf)) continue;
    const chain = best.get(service) ?? [service];
    if (chain.length >= minimum) chains.push(chain);
  }
  return chains.sort((a, b) => b.length - a.length || a.join().localeCompare(b.join()));
}

function isOnlyCalledWithinItsCycle(service: string, edges: readonly DependencyEdge[], componentOf: ReadonlyMap<string, number>): boolean {
  return edges.every((edge) => !edge.sync || edge.provider !== service || componentOf.get(edge.consumer) === componentOf.get(service));
}
