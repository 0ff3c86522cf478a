import type { ContractKind } from '../../model/contract-kind.ts';
import type { ContractSource } from '../../model/contract-source.ts';
import type { ConsumedContract, ProvidedContract, PublishedVersion } from '../../model/snapshot.ts';
import type { NormalisedInterface, NormalisedPublication } from '../../manifest/normalise-publication.ts';
import type { VersionRow } from '../tables/versions.ts';

type StoredContent = NormalisedPublication['content'];

/** The hashes of every contract a stored version refers to. */
export function contractHashesOf(row: Pick<VersionRow, 'manifest'>): string[] {
  if (row.manifest === null) return [];
  const content = JSON.parse(row.manifest) as StoredContent;
  return [...content.provides, ...content.consumes].flatMap((entry) => [
    ...(entry.contract ? [entry.contract] : []),
    ...Object.values(entry.formats ?? {}),
  ]);
}

/** Maps a version row (its stored normalised content) to the domain type, resolving contracts by hash. */
export function toPublishedVersion(
  row: Pick<VersionRow, 'service' | 'version' | 'has_contracts' | 'manifest' | 'published_at'>,
  contracts: ReadonlyMap<string, ContractSource>,
): PublishedVersion {
  const content: StoredContent = row.manifest === null ? { provides: [], consumes: [] } : (JSON.parse(row.manifest) as StoredContent);
  const resolve = (hash: string): ContractSource => {
    const source = contracts.get(hash);
    if (!source) throw new Error(`contract ${hash} of ${row.service}@${row.version} is missing from the store`);
    return source;
  };
  const sources = (entry: NormalisedInterface) => ({
    ...(entry.contract ? { contract: resolve(entry.contract) } : {}),
    ...(entry.formats ? { formats: Object.fromEntries(Object.entries(entry.formats).map(([type, hash]) => [type, resolve(hash)])) } : {}),
  });
  const provides = content.provides.map(
    (entry): ProvidedContract => ({
      interface: entry.interface,
      kind: entry.kind as ContractKind,
      ...sources(entry),
      ...(entry.retentionMs === undefined ? {} : { retentionMs: entry.retentionMs }),
    }),
  );
  const consumes = content.consumes.map(
    (entry): ConsumedContract => ({
      interface: entry.interface,
      kind: entry.kind as ContractKind,
      ...sources(entry),
      ...(entry.operations ? { operations: entry.operations } : {}),
      required: entry.required,
      ...(entry.flag ? { flag: entry.flag } : {}),
    }),
  );
  return { service: row.service, version: row.version, provides, consumes, hasContracts: row.has_contracts === 1, publishedAt: row.published_at };
}
