import { createHash } from 'node:crypto';
import { contractHash } from '../model/contract-hash.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { parseDuration } from './parse-duration.ts';
import type { Publication } from './publication.ts';

/** One interface entry with its contracts replaced by their hashes: what identifies a version's content. */
export interface NormalisedInterface {
  readonly role: 'provides' | 'consumes';
  readonly interface: string;
  readonly kind: string;
  readonly contract?: string;
  readonly formats?: Record<string, string>;
  readonly operations?: string[];
  readonly required: boolean;
  readonly flag?: string;
  readonly retention?: string;
  readonly retentionMs?: number;
  readonly sync?: boolean;
}

export interface NormalisedPublication {
  /** Everything that makes a version what it is; branch and commit are provenance, not content. */
  readonly content: {
    readonly owner?: string;
    readonly description?: string;
    readonly provides: NormalisedInterface[];
    readonly consumes: NormalisedInterface[];
    readonly run?: unknown;
    readonly rollout?: unknown;
  };
  readonly contentHash: string;
  /** Hash -> source of every distinct contract the version refers to. */
  readonly contracts: ReadonlyMap<string, ContractSource>;
}

/**
 * Hashes every contract and derives the version's content hash. Pure apart from hashing.
 * `hash` may be a memoised contractHash when the same documents are normalised many times.
 */
export function normalisePublication(publication: Publication, hash: (source: ContractSource) => string = contractHash): NormalisedPublication {
  const contracts = new Map<string, ContractSource>();
  const keep = (source: ContractSource): string => {
    const address = hash(source);
    contracts.set(address, source);
    return address;
  };
  const formats = (map: Readonly<Record<string, ContractSource>> | undefined) =>
    map === undefined ? undefined : Object.fromEntries(Object.keys(map).sort().map((mediaType) => [mediaType, keep(map[mediaType]!)]));

  const provides = publication.provides.map(
    (entry): NormalisedInterface =>
      clean({
        role: 'provides',
        interface: entry.interface,
        kind: entry.kind,
        contract: entry.contract && keep(entry.contract),
        formats: formats(entry.formats),
        required: true,
        retention: entry.retention,
        retentionMs: entry.retention === undefined ? undefined : parseDuration(entry.retention),
        sync: entry.sync,
      }),
  );
  const consumes = publication.consumes.map(
    (entry): NormalisedInterface =>
      clean({
        role: 'consumes',
        interface: entry.interface,
        kind: entry.kind,
        contract: entry.contract && keep(entry.contract),
        formats: formats(entry.formats),
        operations: entry.operations,
        required: entry.required ?? true,
        flag: entry.flag,
      }),
  );
  const content = clean({
    owner: publication.owner,
    description: publication.description,
    provides,
    consumes,
    run: publication.run,
    rollout: publication.rollout,
  });
  return { content, contentHash: `sha256:${createHash('sha256').update(stableJson(content)).digest('hex')}`, contracts };
}

/** JSON with object keys sorted, so equal content always serialises the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
