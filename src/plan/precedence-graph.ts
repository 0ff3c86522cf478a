import type { Reason } from '../decide/reason.ts';
import type { ChangeNode } from './change-node.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { pairOrders } from './pair-orders.ts';
import { versionKey } from '../model/snapshot.ts';

export type EdgeCause = 'sequence' | 'order' | 'lockstep' | 'flag';

/** `from` must happen before `to`. `reasons` say what breaks when the order is turned round. */
export interface PrecedenceEdge {
  readonly from: number;
  readonly to: number;
  readonly cause: EdgeCause;
  readonly reasons: readonly Reason[];
}

export interface PrecedenceGraph {
  readonly nodes: readonly ChangeNode[];
  readonly successors: readonly (readonly number[])[];
  readonly edges: ReadonlyMap<string, PrecedenceEdge>;
  /** Pairs of linked changes, each tested in both orders: the planner's cost driver. */
  readonly pairsTested: number;
}

type ServiceNode = ChangeNode & { readonly service: string };

/**
 * Precedence from pairwise checks. Versions of one service follow each other; for two changes
 * whose services are linked, one safe order gives an edge, both give none, neither gives edges
 * both ways (so the two end up in one strongly connected component: lock-step). Flag steps go after
 * the consumer that uses the flag and after every changing provider of what the flag guards.
 */
export function buildPrecedenceGraph(context: PlanContext, initial: PlanState, nodes: readonly ChangeNode[]): PrecedenceGraph {
  const successors: number[][] = nodes.map(() => []);
  const edges = new Map<string, PrecedenceEdge>();
  const add = (from: number, to: number, cause: EdgeCause, reasons: readonly Reason[]): void => {
    const key = `${from}>${to}`;
    const existing = edges.get(key);
    if (existing) {
      if (reasons.length > 0) edges.set(key, { ...existing, reasons: [...existing.reasons, ...reasons] });
      return;
    }
    edges.set(key, { from, to, cause, reasons });
    successors[from]!.push(to);
  };

  const byService = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (node.service === undefined) return;
    const list = byService.get(node.service);
    if (list) {
      add(list[list.length - 1]!, i, 'sequence', []);
      list.push(i);
    } else byService.set(node.service, [i]);
  });
  const changing = new Set(byService.keys());

  let pairsTested = 0;
  const services = [...byService.keys()].sort();
  for (const a of services) {
    for (const b of context.links.neighbours(a)) {
      if (b <= a || !changing.has(b)) continue;
      for (const i of byService.get(a)!) {
        for (const j of byService.get(b)!) {
          pairsTested++;
          const orders = pairOrders(context, initial, nodes[i] as ServiceNode, nodes[j] as ServiceNode, changing);
          const aFirst = orders.xFirst.length === 0;
          const bFirst = orders.yFirst.length === 0;
          if (aFirst && !bFirst) add(i, j, 'order', orders.yFirst);
          else if (bFirst && !aFirst) add(j, i, 'order', orders.xFirst);
          else if (!aFirst && !bFirst) {
            // While a later version of one side follows, "neither order" only means the other
            // side waits for that later version; the pair with it decides the rest.
            const aLater = byService.get(a)!.at(-1) !== i;
            const bLater = byService.get(b)!.at(-1) !== j;
            if (aLater) add(i, j, 'order', orders.yFirst);
            else if (bLater) add(j, i, 'order', orders.xFirst);
            else {
              add(i, j, 'lockstep', orders.yFirst);
              add(j, i, 'lockstep', orders.xFirst);
            }
          }
        }
      }
    }
  }

  nodes.forEach((node, f) => {
    if (node.kind !== 'enable-flag' && node.kind !== 'disable-flag') return;
    for (const [i, other] of nodes.entries()) {
      if (other.kind !== 'deploy' && other.kind !== 'undeploy') continue;
      if (node.kind === 'enable-flag' && other.kind === 'deploy' && guardedBy(context, other.service, other.version, node.flag).length > 0) {
        add(i, f, 'flag', []);
        for (const id of guardedBy(context, other.service, other.version, node.flag)) {
          for (const provider of context.links.providersOf(id)) {
            for (const p of byService.get(provider) ?? []) if (nodes[p]!.kind === 'deploy' && providesIn(context, nodes[p]!, id)) add(p, f, 'flag', []);
          }
        }
      }
      if (node.kind === 'disable-flag' && other.kind === 'undeploy') {
        const provided = context.versions.get(versionKey(other.service, other.from))?.provides.map((e) => e.interface) ?? [];
        for (const id of provided) {
          for (const consumer of context.links.consumersOf(id)) {
            const version = initial.currentVersion(consumer);
            if (version !== undefined && guardedBy(context, consumer, version, node.flag).includes(id)) add(f, i, 'flag', []);
          }
        }
      }
    }
  });

  return { nodes, successors, edges, pairsTested };
}

/** Interfaces `service@version` consumes behind `flag`. */
export function guardedBy(context: PlanContext, service: string, version: string, flag: string): string[] {
  const published = context.versions.get(versionKey(service, version));
  return published?.consumes.filter((entry) => entry.flag === flag).map((entry) => entry.interface) ?? [];
}

function providesIn(context: PlanContext, node: ChangeNode, id: string): boolean {
  if (node.kind !== 'deploy') return false;
  return context.versions.get(versionKey(node.service, node.version))?.provides.some((entry) => entry.interface === id) ?? false;
}
