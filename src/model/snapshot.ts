import type { ContractKind } from './contract-kind.ts';
import type { ContractSource } from './contract-source.ts';

/**
 * The facts the decision and the planner work on, loaded once from the store (or from manifest
 * files offline) and handed to the pure core. Nothing here is fetched lazily.
 */

/** What a published version provides over one interface. */
export interface ProvidedContract {
  readonly interface: string;
  readonly kind: ContractKind;
  readonly contract?: ContractSource;
  /** Media type -> schema of documents written in that format. */
  readonly formats?: Readonly<Record<string, ContractSource>>;
  /** Milliseconds written data stays; undefined means forever. */
  readonly retentionMs?: number;
  /** Whether callers wait on it within a user request; undefined: true for http/grpc, false otherwise. */
  readonly sync?: boolean;
}

/** What a published version relies on over one interface. */
export interface ConsumedContract {
  readonly interface: string;
  readonly kind: ContractKind;
  readonly contract?: ContractSource;
  readonly formats?: Readonly<Record<string, ContractSource>>;
  readonly operations?: readonly string[];
  readonly required: boolean;
  readonly flag?: string;
}

export interface PublishedVersion {
  readonly service: string;
  readonly version: string;
  readonly provides: readonly ProvidedContract[];
  readonly consumes: readonly ConsumedContract[];
  /** False when the version was recorded without contracts (its compatibility is unknown). */
  readonly hasContracts: boolean;
  /** ISO timestamp. */
  readonly publishedAt: string;
}

/** A version running (or released) in an environment now. */
export interface LiveVersion {
  readonly service: string;
  readonly version: string;
  readonly target: string;
  /** `deployed` replaces what ran on the target; `released` accumulates (mobile apps, libraries). */
  readonly mode: 'deployed' | 'released';
  /** ISO timestamp of when it went live. */
  readonly since: string;
}

/** A span during which a version was live in the environment; the source of data at rest. */
export interface LiveSpan {
  readonly service: string;
  readonly version: string;
  readonly from: string;
  /** Undefined while it is still live. */
  readonly to?: string;
}

export interface EnvironmentSnapshot {
  readonly environment: string;
  /** ISO timestamp the snapshot was taken at: the core's only notion of "now". */
  readonly at: string;
  readonly live: readonly LiveVersion[];
  readonly history: readonly LiveSpan[];
  /** Flag name -> whether it is on in this environment (absent: unknown, treated as off). */
  readonly flags: Readonly<Record<string, boolean>>;
}

/** Published versions by `service@version`. */
export type VersionCatalog = ReadonlyMap<string, PublishedVersion>;

export function versionKey(service: string, version: string): string {
  return `${service}@${version}`;
}
