import { effectOf } from './reason-code.ts';
import type { Reason } from './reason.ts';

export type VerdictValue = 'yes' | 'no' | 'unknown';

export interface Verdict {
  readonly verdict: VerdictValue;
  readonly reasons: readonly Reason[];
}

/** A known no always wins: an unknown elsewhere never hides it. */
export function verdictOf(reasons: readonly Reason[]): VerdictValue {
  let unknown = false;
  for (const reason of reasons) {
    const effect = effectOf(reason.code);
    if (effect === 'no') return 'no';
    if (effect === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'yes';
}
