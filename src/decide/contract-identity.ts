import { createHash } from 'node:crypto';
import type { ContractSource, InterfaceContracts } from '../model/contract-source.ts';
import { contractHash } from '../model/contract-hash.ts';
import type { ConsumerExpectation } from '../contracts/engine.ts';

/**
 * Content hashes of either side of a link. Sources are immutable, so their hash is cached per
 * object: a snapshot reused across decisions (the planner, a warm server) hashes each document once.
 */
export class ContractIdentity {
  readonly #sources = new WeakMap<ContractSource, string>();
  readonly #provided = new WeakMap<InterfaceContracts, string>();
  readonly #expected = new WeakMap<ConsumerExpectation, string>();

  source(source: ContractSource): string {
    let hash = this.#sources.get(source);
    if (hash === undefined) {
      hash = contractHash(source);
      this.#sources.set(source, hash);
    }
    return hash;
  }

  provider(contracts: InterfaceContracts): string {
    let hash = this.#provided.get(contracts);
    if (hash === undefined) {
      hash = digest({
        kind: contracts.kind,
        contract: contracts.contract && this.source(contracts.contract),
        formats: this.#formats(contracts.formats),
      });
      this.#provided.set(contracts, hash);
    }
    return hash;
  }

  consumer(expectation: ConsumerExpectation): string {
    let hash = this.#expected.get(expectation);
    if (hash === undefined) {
      hash = digest({
        contract: expectation.contract && this.source(expectation.contract),
        formats: this.#formats(expectation.formats),
        operations: expectation.operations ? [...expectation.operations].sort() : undefined,
      });
      this.#expected.set(expectation, hash);
    }
    return hash;
  }

  #formats(formats: Readonly<Record<string, ContractSource>> | undefined): [string, string][] | undefined {
    if (!formats) return undefined;
    return Object.keys(formats)
      .sort()
      .map((mediaType) => [mediaType, this.source(formats[mediaType]!)]);
  }
}

function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex')}`;
}
