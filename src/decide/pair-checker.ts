import { createHash } from 'node:crypto';
import type { ContractKind } from '../model/contract-kind.ts';
import type { InterfaceContracts } from '../model/contract-source.ts';
import type { Finding } from '../model/finding.ts';
import type { PublishedVersion } from '../model/snapshot.ts';
import { CATALOG, ENGINES } from '../contracts/index.ts';
import { checkLink } from '../contracts/check-link.ts';
import type { CheckOptions, ConsumerExpectation, ContractEngine } from '../contracts/engine.ts';
import { ContractIdentity } from './contract-identity.ts';
import { compareInterfaceContracts } from './compare-interface-contracts.ts';
import { pairMemoKeyText, type PairMemo, type PairMemoKey } from './pair-memo.ts';

/** Bump when what a memoised result means changes, so old rows are recomputed instead of trusted. */
const MEMO_FORMAT = '1';

export interface PairCheckerOptions {
  /** Defaults to the registered `ENGINES`. */
  readonly engines?: Partial<Record<ContractKind, ContractEngine>>;
  /** The persistent memo (the store's); the in-memory one is always there. */
  readonly memo?: PairMemo;
  /** Identifies the engine's judgement for the persistent memo; defaults to a digest of its rules. */
  readonly engineVersion?: (kind: ContractKind) => string;
  readonly options?: CheckOptions;
  /** In-memory entries kept before the oldest are dropped. */
  readonly capacity?: number;
}

export interface PairCheckerStats {
  computed: number;
  memoryHits: number;
  persistentHits: number;
}

/**
 * Checks provider/consumer pairs through the contract engines, computing each distinct pair of
 * contract contents once: results are memoised by (kind, provider hash, consumer hash, engine
 * version) in memory and, through the `PairMemo` port, in the store. Engine errors (a missing
 * engine, an unreadable contract) are thrown to the caller, never memoised.
 */
export class PairChecker {
  readonly identity = new ContractIdentity();
  readonly stats: PairCheckerStats = { computed: 0, memoryHits: 0, persistentHits: 0 };
  readonly #engines: Partial<Record<ContractKind, ContractEngine>>;
  readonly #memo: PairMemo | undefined;
  readonly #engineVersion: (kind: ContractKind) => string;
  readonly #options: CheckOptions | undefined;
  readonly #capacity: number;
  readonly #memory = new Map<string, readonly Finding[]>();
  readonly #versions = new Map<string, string>();

  constructor(options: PairCheckerOptions = {}) {
    this.#engines = options.engines ?? ENGINES;
    this.#memo = options.memo;
    this.#engineVersion = options.engineVersion ?? defaultEngineVersion;
    this.#options = options.options;
    this.#capacity = options.capacity ?? 200_000;
  }

  hasEngine(kind: ContractKind): boolean {
    return this.#engines[kind] !== undefined;
  }

  /** Whether the provider serves what the consumer relies on; every finding, breaking or not. */
  check(kind: ContractKind, provider: InterfaceContracts, consumer: ConsumerExpectation): readonly Finding[] {
    const key = this.#key(kind, kind, this.identity.provider(provider), this.identity.consumer(consumer));
    return this.#memoised(key, () => checkLink(this.#engine(kind), provider, consumer, this.#options));
  }

  /**
   * What changed from one provider version to the next, judged for a consumer that declared no
   * expectation (so any breaking change may break it).
   */
  compare(kind: ContractKind, before: InterfaceContracts, after: InterfaceContracts): readonly Finding[] {
    const key = this.#key(kind, `compare:${kind}`, this.identity.provider(before), this.identity.provider(after));
    return this.#memoised(key, () => compareInterfaceContracts(this.#engine(kind), before, after, this.#options));
  }

  /** Every content hash a version's interfaces have, as either side of a pair: what a shell preloads by. */
  hashesOf(version: PublishedVersion): string[] {
    const hashes = new Set<string>();
    for (const provided of version.provides) hashes.add(this.identity.provider(provided));
    for (const consumed of version.consumes) hashes.add(this.identity.consumer(consumed));
    return [...hashes];
  }

  #engine(kind: ContractKind): ContractEngine {
    const engine = this.#engines[kind];
    if (!engine) throw new Error(`no contract engine for kind "${kind}" is installed`);
    return engine;
  }

  #key(kind: ContractKind, memoKind: string, providerHash: string, consumerHash: string): PairMemoKey {
    let engineVersion = this.#versions.get(kind);
    if (engineVersion === undefined) {
      engineVersion = this.#engineVersion(kind);
      this.#versions.set(kind, engineVersion);
    }
    return { kind: memoKind, providerHash, consumerHash, engineVersion };
  }

  #memoised(key: PairMemoKey, compute: () => Finding[]): readonly Finding[] {
    const text = pairMemoKeyText(key);
    const known = this.#memory.get(text);
    if (known) {
      this.stats.memoryHits++;
      return known;
    }
    let findings = this.#memo?.get(key);
    if (findings) {
      this.stats.persistentHits++;
    } else {
      findings = compute();
      this.stats.computed++;
      this.#memo?.put(key, findings);
    }
    if (this.#memory.size >= this.#capacity) {
      // Maps iterate in insertion order: dropping the first key drops the oldest entry.
      this.#memory.delete(this.#memory.keys().next().value as string);
    }
    this.#memory.set(text, findings);
    return findings;
  }
}

/** The engine's judgement changes when its rules do: a digest of the catalog rows of its kind. */
function defaultEngineVersion(kind: ContractKind): string {
  const rules = CATALOG.filter((rule) => rule.kind === kind)
    .map((rule) => `${rule.id}:${rule.severity}:${rule.byDefault}`)
    .sort();
  const digest = createHash('sha256').update(rules.join('\n')).digest('hex').slice(0, 16);
  return `${kind}-${MEMO_FORMAT}-${digest}`;
}
