import type { PublishedVersion } from '../model/snapshot.ts';

/** A consumer relying on a provider over one interface. */
export interface DependencyEdge {
  readonly consumer: string;
  readonly provider: string;
  readonly interface: string;
  /** The consumer waits on the provider within a request (HTTP/gRPC calls, unless declared otherwise). */
  readonly sync: boolean;
  readonly required: boolean;
}

export interface DependencyGraph {
  readonly services: readonly string[];
  readonly edges: readonly DependencyEdge[];
  /** Interfaces some service consumes and no service provides. */
  readonly unprovided: ReadonlyArray<{ readonly consumer: string; readonly interface: string }>;
}

/**
 * Who depends on whom, from the versions given (typically the live ones of an environment).
 * Several versions of one service count as one node; an edge exists when any of them consumes
 * what any version of another service provides.
 */
export function buildDependencyGraph(versions: readonly PublishedVersion[]): DependencyGraph {
  const providers = new Map<string, Map<string, boolean>>(); // interface -> provider -> sync
  const services = new Set<string>();
  for (const version of versions) {
    services.add(version.service);
    for (const provided of version.provides) {
      const sync = provided.sync ?? (provided.interface.startsWith('http:') || provided.interface.startsWith('grpc:'));
      const byService = providers.get(provided.interface) ?? new Map<string, boolean>();
      byService.set(version.service, (byService.get(version.service) ?? false) || sync);
      providers.set(provided.interface, byService);
    }
  }
  const edges = new Map<string, DependencyEdge>();
  const unprovided = new Map<string, { consumer: string; interface: string }>();
  for (const version of versions) {
    for (const consumed of version.consumes) {
      const byService = providers.get(consumed.interface);
      if (!byService || byService.size === 0) {
        unprovided.set(`${version.service} ${consumed.interface}`, { consumer: version.service, interface: consumed.interface });
        continue;
      }
      for (const [provider, sync] of byService) {
        if (provider === version.service) continue;
        const key = `${version.service} ${provider} ${consumed.interface}`;
        const previous = edges.get(key);
        edges.set(key, {
          consumer: version.service,
          provider,
          interface: consumed.interface,
          sync,
          required: (previous?.required ?? false) || consumed.required,
        });
      }
    }
  }
  return {
    services: [...services].sort(),
    edges: [...edges.values()].sort((a, b) => (a.consumer + a.provider + a.interface).localeCompare(b.consumer + b.provider + b.interface)),
    unprovided: [...unprovided.values()],
  };
}
