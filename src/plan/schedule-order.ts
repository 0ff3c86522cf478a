import type { LinkIndex } from './link-index.ts';
import type { PrecedenceGraph } from './precedence-graph.ts';
import type { VersionCatalog } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';

/**
 * A deterministic topological order of the nodes not left out. Among the steps that may go next it
 * follows the data flow, as a technical schedule does: first the step linked to the most recently
 * placed one (what consumes from it, then what provides a dependency it still misses, then any
 * other neighbour), so each piece is exercised as soon as it is out; then the step that unblocks
 * most; then input order.
 */
export function scheduleOrder(
  graph: PrecedenceGraph,
  links: LinkIndex,
  versions: VersionCatalog,
  leftOut: ReadonlySet<number>,
  /** Interfaces live services provide before the plan starts. */
  initiallyProvided: ReadonlySet<string>,
): number[] {
  const { nodes, successors } = graph;
  const pending = new Int32Array(nodes.length);
  const predecessors: number[][] = nodes.map(() => []);
  successors.forEach((next, from) => {
    if (leftOut.has(from)) return;
    for (const to of next) {
      if (leftOut.has(to)) continue;
      pending[to]!++;
      predecessors[to]!.push(from);
    }
  });
  const byService = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (node.service === undefined || leftOut.has(i)) return;
    const list = byService.get(node.service) ?? [];
    list.push(i);
    byService.set(node.service, list);
  });

  // What each deploy consumes and provides, looked up once rather than on every touch.
  const consumed: (readonly string[])[] = nodes.map((node) =>
    node.kind === 'deploy' ? (versions.get(versionKey(node.service, node.version))?.consumes ?? []).map((entry) => entry.interface) : [],
  );
  const providedBy: ReadonlySet<string>[] = nodes.map((node) =>
    node.kind === 'deploy' ? new Set((versions.get(versionKey(node.service, node.version))?.provides ?? []).map((entry) => entry.interface)) : new Set(),
  );
  // Every service that provides something a node consumes, gathered on first touch: a touch then
  // asks one set instead of every interface the node consumes.
  const consumedFrom: (Set<string> | undefined)[] = [];
  const providersOfConsumed = (i: number): ReadonlySet<string> => {
    let found = consumedFrom[i];
    if (!found) {
      found = new Set();
      for (const id of consumed[i]!) for (const provider of links.providersOf(id)) found.add(provider);
      consumedFrom[i] = found;
    }
    return found;
  };
  const recency = new Int32Array(nodes.length).fill(-1);
  const closeness = new Uint8Array(nodes.length);
  const provided = new Set(initiallyProvided);
  const ready: number[] = [];
  nodes.forEach((_, i) => {
    if (!leftOut.has(i) && pending[i] === 0) ready.push(i);
  });
  const order: number[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let r = 1; r < ready.length; r++) if (before(ready[r]!, ready[best]!)) best = r;
    const chosen = ready[best]!;
    ready[best] = ready[ready.length - 1]!;
    ready.pop();
    const position = order.length;
    order.push(chosen);
    const placed = nodes[chosen]!;
    for (const id of providedBy[chosen]!) provided.add(id);
    const missing = consumed[chosen]!.filter((id) => !provided.has(id));
    const touch = (other: number): void => {
      if (leftOut.has(other) || recency[other] === position) return;
      recency[other] = position;
      const consumesFromPlaced = placed.service !== undefined && providersOfConsumed(other).has(placed.service);
      closeness[other] = consumesFromPlaced ? 2 : missing.some((id) => providedBy[other]!.has(id)) ? 1 : 0;
    };
    const service = nodes[chosen]!.service;
    if (service !== undefined) for (const neighbour of links.neighbours(service)) for (const other of byService.get(neighbour) ?? []) touch(other);
    for (const other of successors[chosen]!) touch(other);
    for (const other of predecessors[chosen]!) touch(other);
    for (const next of successors[chosen]!) {
      if (leftOut.has(next)) continue;
      if (--pending[next]! === 0) ready.push(next);
    }
  }
  return order;

  function before(a: number, b: number): boolean {
    if (recency[a] !== recency[b]) return recency[a]! > recency[b]!;
    if (closeness[a] !== closeness[b]) return closeness[a]! > closeness[b]!;
    if (successors[a]!.length !== successors[b]!.length) return successors[a]!.length > successors[b]!.length;
    return nodes[a]!.index < nodes[b]!.index;
  }
}

