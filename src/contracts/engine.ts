import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource, InterfaceContracts } from '../model/contract-source.ts';
import type { Finding, Severity } from '../model/finding.ts';

/**
 * What a consumer relies on from a provider: a subset contract (OpenAPI subset, reader schema,
 * .proto the client was generated from) and/or the operations it calls.
 */
export interface ConsumerExpectation {
  readonly contract?: ContractSource;
  /** Media type -> reader schema, for interfaces that carry several encodings. */
  readonly formats?: Readonly<Record<string, ContractSource>>;
  /** operationId, `METHOD /path`, or `package.Service/Method`. */
  readonly operations?: readonly string[];
}

/** Options every engine honours; each engine may read more from `settings`. */
export interface CheckOptions {
  /** Rule id or category id -> severity; `off` removes the rule's findings. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Fingerprints of findings accepted on purpose. */
  readonly exemptions?: readonly string[];
  /** Kind-specific settings (e.g. protobuf's `breaking.use` categories, JSON Schema modes). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * One contract language. Pure and synchronous: plain data in, findings out, no I/O.
 * Malformed input throws a `ContractError` naming the file, line and pointer.
 */
export interface ContractEngine {
  readonly kind: ContractKind;
  /** Throws `ContractError` when the document is not a valid contract of this kind. */
  validate(source: ContractSource): void;
  /** What changed between two versions of one contract, judged for existing clients of `before`. */
  compare(before: ContractSource, after: ContractSource, options?: CheckOptions): Finding[];
  /** Whether the provider serves what the consumer relies on; findings describe each gap. */
  satisfies(provider: ContractSource, expectation: ConsumerExpectation, options?: CheckOptions): Finding[];
}

/**
 * A link between a provider and a consumer over one interface, possibly with several formats.
 * Lives at the engine layer so every kind treats media types alike: a reader must accept every
 * format a writer may write.
 */
export interface LinkCheck {
  readonly provider: InterfaceContracts;
  readonly consumer: ConsumerExpectation;
}
