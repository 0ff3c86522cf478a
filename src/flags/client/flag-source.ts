import type { FlagSnapshot } from '../evaluate/flag-set.ts';

/** Where an SDK gets its flags from: a fixed snapshot, or a Stepwise server kept in sync. */
export interface FlagSource {
  /** Resolves with the first snapshot. */
  start(): Promise<FlagSnapshot>;
  /** Called with every later snapshot whose revision differs. */
  onChange(listener: (snapshot: FlagSnapshot) => void): void;
  close(): Promise<void>;
}

/** A source that never changes: tests, offline evaluation, bootstrapping. */
export function staticFlagSource(snapshot: FlagSnapshot): FlagSource {
  return { start: async () => snapshot, onChange: () => {}, close: async () => {} };
}
