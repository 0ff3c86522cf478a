import { ContractError } from './contract-error.ts';

/** Confluent Schema Registry's compatibility modes, shared by every kind. */
export const COMPATIBILITY_MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** Reads a mode from settings or a flag; BACKWARD when absent, as Confluent defaults. */
export function parseMode(value: unknown): CompatibilityMode {
  if (value === undefined || value === null || value === '') return 'BACKWARD';
  const text = String(value).toUpperCase().replace(/-/g, '_');
  if ((COMPATIBILITY_MODES as readonly string[]).includes(text)) return text as CompatibilityMode;
  throw new ContractError(`unknown compatibility mode "${String(value)}" (expected one of ${COMPATIBILITY_MODES.join(', ')})`, { pointer: '' });
}
