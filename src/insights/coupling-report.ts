import type { PublishedVersion } from '../model/snapshot.ts';
import { buildDependencyGraph, type DependencyGraph } from './dependency-graph.ts';
import { sharedDatabases, type SharedDatabase } from './shared-databases.ts';
import { stronglyConnected } from './strongly-connected.ts';
import { syncChains } from './sync-chains.ts';

/** Where an architecture forces services to move together, read from their contracts alone. */
export interface CouplingReport {
  readonly graph: DependencyGraph;
  /** Groups of services that depend on each other in a cycle. */
  readonly cycles: ReadonlyArray<readonly string[]>;
  /** Synchronous call chains of three services or more. */
  readonly syncChains: ReadonlyArray<readonly string[]>;
  readonly sharedDatabases: readonly SharedDatabase[];
  /** Services with a consumed interface whose contract is not declared (no subset, no operations, no schema). */
  readonly unversionedContracts: ReadonlyArray<{ readonly service: string; readonly interface: string }>;
}

export function couplingReport(versions: readonly PublishedVersion[]): CouplingReport {
  const graph = buildDependencyGraph(versions);
  const dependsOn = new Map<string, string[]>();
  for (const edge of graph.edges) dependsOn.set(edge.consumer, [...(dependsOn.get(edge.consumer) ?? []), edge.provider]);
  const cycles = stronglyConnected(graph.services, (service) => dependsOn.get(service) ?? []).filter((group) => group.length > 1);
  const unversioned = new Map<string, { service: string; interface: string }>();
  for (const version of versions) {
    for (const consumed of version.consumes) {
      if (!consumed.contract && !consumed.formats && !(consumed.operations && consumed.operations.length > 0)) {
        unversioned.set(`${version.service} ${consumed.interface}`, { service: version.service, interface: consumed.interface });
      }
    }
  }
  return {
    graph,
    cycles: cycles.sort((a, b) => b.length - a.length || a.join().localeCompare(b.join())),
    syncChains: syncChains(graph.services, graph.edges),
    sharedDatabases: sharedDatabases(versions),
    unversionedContracts: [...unversioned.values()],
  };
}
