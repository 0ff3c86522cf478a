import type { PairChecker } from '../../decide/pair-checker.ts';
import type { Finding } from '../../model/finding.ts';
import type { ConsumedContract, ProvidedContract, PublishedVersion } from '../../model/snapshot.ts';
import { contractHash } from '../../model/contract-hash.ts';

export interface InterfaceDiff {
  readonly role: 'provides' | 'consumes';
  readonly interface: string;
  readonly kind: string;
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly findings: readonly Finding[];
  /** Set when the engine could not compare the two (a contract it cannot read, no engine). */
  readonly error?: string;
}

/**
 * What changed between two versions of one service, interface by interface, in both roles: what
 * it provides (judged for its consumers) and what it relies on.
 */
export function diffVersions(before: PublishedVersion, after: PublishedVersion, checker: PairChecker): InterfaceDiff[] {
  return [...diffRole('provides', before.provides, after.provides, checker), ...diffRole('consumes', before.consumes, after.consumes, checker)];
}

function diffRole(
  role: 'provides' | 'consumes',
  before: ReadonlyArray<ProvidedContract | ConsumedContract>,
  after: ReadonlyArray<ProvidedContract | ConsumedContract>,
  checker: PairChecker,
): InterfaceDiff[] {
  const ids = [...new Set([...before, ...after].map((entry) => entry.interface))].sort();
  return ids.map((id): InterfaceDiff => {
    const old = before.find((entry) => entry.interface === id);
    const now = after.find((entry) => entry.interface === id);
    if (!old) return { role, interface: id, kind: now!.kind, change: 'added', findings: [] };
    if (!now) return { role, interface: id, kind: old.kind, change: 'removed', findings: [] };
    if (contentOf(old) === contentOf(now)) return { role, interface: id, kind: now.kind, change: 'unchanged', findings: [] };
    if (!checker.hasEngine(now.kind) || old.kind !== now.kind) {
      return { role, interface: id, kind: now.kind, change: 'changed', findings: [], error: `cannot compare ${old.kind} with ${now.kind}` };
    }
    try {
      return { role, interface: id, kind: now.kind, change: 'changed', findings: [...checker.compare(now.kind, old, now)] };
    } catch (error) {
      return { role, interface: id, kind: now.kind, change: 'changed', findings: [], error: (error as Error).message };
    }
  });
}

function contentOf(entry: ProvidedContract | ConsumedContract): string {
  const formats = Object.entries(entry.formats ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([mediaType, source]) => `${mediaType}=${contractHash(source)}`);
  return [entry.kind, entry.contract ? contractHash(entry.contract) : '', ...formats].join('|');
}
