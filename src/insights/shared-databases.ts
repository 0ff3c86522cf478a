import type { PublishedVersion } from '../model/snapshot.ts';

export interface SharedDatabase {
  readonly interface: string;
  readonly services: readonly string[];
}

/**
 * `db:` interfaces touched by two or more services. A database shared this way has no contract
 * anyone versions: a schema change there is a lock-step deploy waiting to happen.
 */
export function sharedDatabases(versions: readonly PublishedVersion[]): SharedDatabase[] {
  const users = new Map<string, Set<string>>();
  for (const version of versions) {
    for (const entry of [...version.provides, ...version.consumes]) {
      if (!entry.interface.startsWith('db:')) continue;
      const set = users.get(entry.interface) ?? new Set<string>();
      set.add(version.service);
      users.set(entry.interface, set);
    }
  }
  return [...users]
    .filter(([, services]) => services.size >= 2)
    .map(([id, services]) => ({ interface: id, services: [...services].sort() }))
    .sort((a, b) => a.interface.localeCompare(b.interface));
}
