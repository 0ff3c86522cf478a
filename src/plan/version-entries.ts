import { hasExpectation } from '../decide/safe-check.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';
import type { ConsumedContract, ProvidedContract, PublishedVersion } from '../model/snapshot.ts';

/**
 * A published version's entries indexed by interface id, with the facts the planner's shortcuts
 * ask about it. Published versions are immutable and loaded once, so this is built once per
 * version object and kept beside it; the planner's hot loops then look up one interface instead of
 * walking every entry of every neighbour.
 */
export interface VersionEntries {
  /** By interface id; the last entry wins, as a `Map` built from the list would. */
  readonly provides: ReadonlyMap<string, ProvidedContract>;
  readonly consumes: ReadonlyMap<string, ConsumedContract>;
  /** Every consumed entry per interface id, in list order (a store may hold an id twice). */
  readonly consumesAll: ReadonlyMap<string, readonly ConsumedContract[]>;
  /** Interface ids with a consumed entry that is not `plain`. */
  readonly unplain: ReadonlySet<string>;
  /** `provides` as a list of [id, entry], for loops that run once per neighbour. */
  readonly providesList: readonly (readonly [string, ProvidedContract])[];
  /** Only request/response interfaces, and only plain dependencies (see `plain`). */
  readonly plain: boolean;
}

const ENTRIES = new WeakMap<PublishedVersion, VersionEntries>();

export function entriesOf(version: PublishedVersion): VersionEntries {
  let entries = ENTRIES.get(version);
  if (!entries) {
    const consumesAll = new Map<string, ConsumedContract[]>();
    for (const entry of version.consumes) {
      const list = consumesAll.get(entry.interface);
      if (list) list.push(entry);
      else consumesAll.set(entry.interface, [entry]);
    }
    const provides = new Map(version.provides.map((e) => [e.interface, e]));
    entries = {
      provides,
      consumes: new Map(version.consumes.map((e) => [e.interface, e])),
      consumesAll,
      unplain: new Set(version.consumes.filter((e) => !plain(e)).map((e) => e.interface)),
      providesList: [...provides],
      plain: !version.provides.some((e) => carriesDataAtRest(e.interface)) && !version.consumes.some((e) => carriesDataAtRest(e.interface) || !plain(e)),
    };
    ENTRIES.set(version, entries);
  }
  return entries;
}

/** A dependency that is required, unflagged and says what it expects. */
export function plain(consumed: ConsumedContract): boolean {
  return consumed.required && consumed.flag === undefined && hasExpectation(consumed);
}
