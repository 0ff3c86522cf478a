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
  private readonly linkCache = new Map<string, { readonly neighbours: readonly string[]; readonly shared: ReadonlyMap<string, readonly string[]> }>();

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
    if (version.provides.length === 0 && version.consumes.length === 0) return;
    let own = this.byService.get(version.service);
    if (!own) this.byService.set(version.service, (own = new Set()));
    for (const entry of version.provides) link(this.providers, entry.interface, version.service, own);
    for (const entry of version.consumes) link(this.consumers, entry.interface, version.service, own);
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
    return this.linksOf(service).neighbours;
  }

  /** Interfaces one of the two provides and the other consumes, sorted. */
  shared(a: string, b: string): readonly string[] {
    if (a === b) return this.sharedWithSelf(a);
    return this.linksOf(a).shared.get(b) ?? NONE;
  }

  /**
   * A service's neighbours and what it shares with each, found in one pass over its interfaces the
   * first time it is asked, so each pair of a plan costs a lookup instead of a scan.
   */
  private linksOf(service: string): { readonly neighbours: readonly string[]; readonly shared: ReadonlyMap<string, readonly string[]> } {
    let cached = this.linkCache.get(service);
    if (!cached) {
      const shared = new Map<string, string[]>();
      const note = (other: string, id: string): void => {
        if (other === service) return;
        const ids = shared.get(other);
        if (!ids) shared.set(other, [id]);
        else if (ids[ids.length - 1] !== id) ids.push(id);
      };
      for (const id of this.interfacesOf(service)) {
        if (this.providersOf(id).has(service)) for (const other of this.consumersOf(id)) note(other, id);
        if (this.consumersOf(id).has(service)) for (const other of this.providersOf(id)) note(other, id);
      }
      for (const ids of shared.values()) ids.sort();
      cached = { neighbours: [...shared.keys()].sort(), shared };
      this.linkCache.set(service, cached);
    }
    return cached;
  }

  private sharedWithSelf(a: string): string[] {
    const out: string[] = [];
    for (const id of this.interfacesOf(a)) if (this.providersOf(id).has(a) && this.consumersOf(id).has(a)) out.push(id);
    return out.sort();
  }

  /** Whether `service` provides or consumes `id` in the given version. */
  static uses(version: PublishedVersion | undefined, id: string): boolean {
    return !!version && (version.provides.some((e) => e.interface === id) || version.consumes.some((e) => e.interface === id));
  }
}

function link(map: Map<string, Set<string>>, id: string, service: string, own: Set<string>): void {
  let set = map.get(id);
  if (!set) map.set(id, (set = new Set()));
  set.add(service);
  own.add(id);
}

const EMPTY: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];

export function catalogEntry(versions: VersionCatalog, service: string, version: string | undefined): PublishedVersion | undefined {
  return version === undefined ? undefined : versions.get(versionKey(service, version));
}
