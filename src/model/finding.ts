import type { ContractKind } from './contract-kind.ts';

export type Severity = 'breaking' | 'warning' | 'info';

/** Which way data flows through the changed element; decides whether narrowing or widening breaks. */
export type Direction = 'request' | 'response' | 'message' | 'none';

/** Where a finding points: a JSON pointer into the document, and the file position where known. */
export interface SourceLocation {
  readonly pointer: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * One root cause found by a rule. Findings are data: the message is rendered from `details` by the
 * rule's catalog entry, so a stored finding can be re-rendered and fingerprinted stably.
 */
export interface Finding {
  /** Stable rule id from the catalog, e.g. `RESPONSE_PROPERTY_NO_DELETE`. */
  readonly rule: string;
  readonly kind: ContractKind;
  readonly severity: Severity;
  readonly direction: Direction;
  /** Subject path: where it happened, in the contract's own terms (e.g. `GET /orders/{}` or `cart.v1.Cart.id`). */
  readonly subject: string;
  /** Location in the previous (or provider) document. */
  readonly before?: SourceLocation;
  /** Location in the current (or consumer) document. */
  readonly after?: SourceLocation;
  /** Every other place the same root cause shows (a removed schema used in 30 places is one finding). */
  readonly also?: readonly SourceLocation[];
  readonly message: string;
  /** Stable across runs and unrelated edits: rule + subject + the identity of the changed element. */
  readonly fingerprint: string;
  /** An instance that was valid before and is not now, where the engine can build one. */
  readonly example?: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
}
