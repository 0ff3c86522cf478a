import type { Finding } from '../model/finding.ts';

/**
 * What identifies a computed pair forever: the check, the contract content on both sides (by
 * hash) and the engine version that judged them. `kind` is the contract kind for a link check
 * (`openapi`) or `compare:<kind>` for a conservative provider-to-provider comparison.
 */
export interface PairMemoKey {
  readonly kind: string;
  readonly providerHash: string;
  readonly consumerHash: string;
  readonly engineVersion: string;
}

/**
 * A persistent memo behind the in-memory one. Synchronous on purpose: the core never waits; the
 * shell preloads the rows a decision may need and writes new ones back after it.
 */
export interface PairMemo {
  get(key: PairMemoKey): readonly Finding[] | undefined;
  put(key: PairMemoKey, findings: readonly Finding[]): void;
}

export function pairMemoKeyText(key: PairMemoKey): string {
  return `${key.kind}|${key.engineVersion}|${key.providerHash}|${key.consumerHash}`;
}
