import type { PublishedVersion, VersionCatalog } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';

/**
 * Who provides and who consumes each interface, over every version the plan may put live (current,
 * past writers, targets). Built once per plan; answers "who are this service's neighbours" and
 * "which interfaces do these two services share" in constant time per entry.
 */
export class LinkIndex {
  private readonly providers = new Map<string, Set<string>>();
  private readonly consumers = new Map<string, Set<string>>();
  private readonly byService = new Map<string, Set<string>>();
  private readonly neighbourCache = new Map<string, readonly string[]>();

  constructor(
    versions: VersionCatalog,
    /** `service@version` of every version to index. */
    keys: Iterable<string>,
  ) {
    for (const key of new Set(keys)) {
      const published = versions.get(key);
      if (published) this.add(published);
    }
  }

  private add(version: PublishedVersion): void {
    for (const entry of version.provides) this.link(this.providers, entry.interface, version.service);
    for (const entry of version.consumes) this.link(this.consumers, entry.interface, version.service);
  }

  private link(map: Map<string, Set<string>>, id: string, service: string): void {
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    set.add(service);
    let own = this.byService.get(service);
    if (!own) this.byService.set(service, (own = new Set()));
    own.add(id);
  }

  providersOf(id: string): ReadonlySet<string> {
    return this.providers.get(id) ?? EMPTY;
  }

  consumersOf(id: string): ReadonlySet<string> {
    return this.consumers.get(id) ?? EMPTY;
  }

  interfacesOf(service: string): ReadonlySet<string> {
    return this.byService.get(service) ?? EMPTY;
  }

  /** Services on the other side of any interface of `service`, sorted. */
  neighbours(service: string): readonly string[] {
    let cached = this.neighbourCache.get(service);
    if (!cached) {
      const found = new Set<string>();
      for (const id of this.interfacesOf(service)) {
        const provides = this.providersOf(id).has(service);
        const consumes = this.consumersOf(id).has(service);
        if (provides) for (const other of this.consumersOf(id)) found.add(other);
        if (consumes) for (const other of this.providersOf(id)) found.add(other);
      }
      found.delete(service);
      cached = [...found].sort();
      this.neighbourCache.set(service, cached);
    }
    return cached;
  }

  /** Interfaces one of the two provides and the other consumes. */
  shared(a: string, b: string): string[] {
    const out: string[] = [];
    for (const id of this.interfacesOf(a)) {
      const p = this.providersOf(id);
      const c = this.consumersOf(id);
      if ((p.has(a) && c.has(b)) || (p.has(b) && c.has(a))) out.push(id);
    }
    return out.sort();
  }

  /** Whether `service` provides or consumes `id` in the given version. */
  static uses(version: PublishedVersion | undefined, id: string): boolean {
    return !!version && (version.provides.some((e) => e.interface === id) || version.consumes.some((e) => e.interface === id));
  }
}

const EMPTY: ReadonlySet<string> = new Set();

export function catalogEntry(versions: VersionCatalog, service: string, version: string | undefined): PublishedVersion | undefined {
  return version === undefined ? undefined : versions.get(versionKey(service, version));
}
