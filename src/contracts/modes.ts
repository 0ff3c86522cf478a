import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource } from '../model/contract-source.ts';
import type { Finding } from '../model/finding.ts';
import type { CheckOptions } from './engine.ts';
import { engineFor } from './index.ts';
import { ContractError } from './contract-error.ts';
import { parseMode, type CompatibilityMode } from './compatibility-mode.ts';

/** One checked pair of versions (indexes into the list, oldest first) and what it found. */
export interface ModePairResult {
  readonly older: number;
  readonly newer: number;
  /** `BACKWARD`: the newer reads the older's data; `FORWARD`: the older reads the newer's. */
  readonly direction: 'BACKWARD' | 'FORWARD';
  readonly findings: readonly Finding[];
}

export interface ModeCheckResult {
  readonly mode: CompatibilityMode;
  readonly pairs: readonly ModePairResult[];
  /** Every finding, with `details.versions` = [older, newer] and the direction in its fingerprint. */
  readonly findings: readonly Finding[];
  readonly compatible: boolean;
}

/**
 * Confluent-style compatibility over an ordered list of versions (oldest first), for any kind, as
 * if each version had been registered in turn under `mode`:
 * - BACKWARD: each version reads data written with the one before it;
 * - FORWARD: each version's data is read by the one before it;
 * - FULL: both; `*_TRANSITIVE`: against every earlier version, not only the previous one;
 * - NONE: nothing is checked.
 * A BACKWARD check is the engine's `compare(older, newer)`; a FORWARD check swaps the arguments,
 * so every engine gets both directions with no mode support of its own.
 */
export function checkModes(kind: ContractKind, versions: readonly ContractSource[], mode: CompatibilityMode | string, options: CheckOptions = {}): ModeCheckResult {
  const parsed = parseMode(mode);
  if (versions.length < 2) throw new ContractError(`a compatibility check needs at least two versions, got ${versions.length}`, { pointer: '' });
  const wrong = versions.find((version) => version.kind !== kind);
  if (wrong) throw new ContractError(`${wrong.entry} is ${wrong.kind}, not ${kind}`, { pointer: '', file: wrong.entry });
  const engine = engineFor(kind);
  const base = parsed.replace('_TRANSITIVE', '');
  const transitive = parsed.endsWith('_TRANSITIVE');
  const directions: ('BACKWARD' | 'FORWARD')[] = base === 'FULL' ? ['BACKWARD', 'FORWARD'] : base === 'NONE' ? [] : [base as 'BACKWARD' | 'FORWARD'];
  const settings = { ...(options.settings ?? {}) };
  delete settings['mode'];
  const pairOptions: CheckOptions = { ...options, settings };
  const pairs: ModePairResult[] = [];
  for (let newer = 1; newer < versions.length; newer++) {
    for (let older = transitive ? 0 : newer - 1; older < newer; older++) {
      for (const direction of directions) {
        const raw = direction === 'BACKWARD' ? engine.compare(versions[older]!, versions[newer]!, pairOptions) : engine.compare(versions[newer]!, versions[older]!, pairOptions);
        const findings = raw.map((finding) => ({
          ...finding,
          fingerprint: `${finding.fingerprint}@${direction}:${older}-${newer}`,
          message: `${versions[older]!.entry} -> ${versions[newer]!.entry} (${direction}): ${finding.message}`,
          details: { ...finding.details, versions: [older, newer], mode: direction },
        }));
        pairs.push({ older, newer, direction, findings });
      }
    }
  }
  const findings = pairs.flatMap((pair) => pair.findings);
  return { mode: parsed, pairs, findings, compatible: !findings.some((finding) => finding.severity === 'breaking') };
}
