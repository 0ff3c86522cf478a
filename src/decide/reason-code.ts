/**
 * The stable reason codes a verdict can carry. A code never changes meaning and is never removed;
 * scripts match on it. `effect` says what the reason does to the verdict: `no` and `unknown` decide
 * it (no wins over unknown), `warning` and `info` are shown but never block.
 */
export type ReasonEffect = 'no' | 'unknown' | 'warning' | 'info';

export interface ReasonCodeDefinition {
  readonly effect: ReasonEffect;
  /** One sentence: what the code means. */
  readonly meaning: string;
  /** What a person can do about it, in general terms; the message says it for the case at hand. */
  readonly fix: string;
}

export const REASON_CODES = {
  PROVIDER_MISSING: {
    effect: 'no',
    meaning: 'A required dependency of the candidate has no live provider in the environment.',
    fix: 'Deploy a provider of the interface first, or mark the dependency optional behind a flag that is off.',
  },
  CONSUMER_BROKEN: {
    effect: 'no',
    meaning: 'The candidate, as provider, no longer serves what a live consumer relies on.',
    fix: 'Keep the element until the consumer stops relying on it (expand, then contract), or deploy a consumer version that no longer needs it first.',
  },
  PROVIDER_BROKEN: {
    effect: 'no',
    meaning: 'The candidate, as consumer, relies on something a live provider version does not serve.',
    fix: 'Deploy a provider version that serves it first, or make the candidate tolerate its absence.',
  },
  ROLLOUT_WINDOW_BROKEN: {
    effect: 'no',
    meaning: 'While old and new versions of the candidate run side by side, one cannot read what the other writes.',
    fix: 'Ship an intermediate version that reads both formats and still writes the old one, then switch the writer.',
  },
  DATA_AT_REST_UNREADABLE: {
    effect: 'no',
    meaning: 'Data a version wrote in this environment, still within retention, cannot be read by the candidate.',
    fix: 'Make the candidate read the stored format too, or migrate the stored data before deploying.',
  },
  ROLLBACK_UNSAFE: {
    effect: 'no',
    meaning: 'The candidate is older than a version that already ran here, and newer data it cannot read now exists.',
    fix: 'Roll forward with a fix instead, or deploy a version that reads the newer data.',
  },
  CONTRACTS_UNKNOWN: {
    effect: 'unknown',
    meaning: 'A version involved in the decision was recorded without contracts, so its compatibility is unknown.',
    fix: 'Publish the version with its contracts (stepwise publish), or ignore it with a reason and an expiry.',
  },
  CHECK_UNAVAILABLE: {
    effect: 'unknown',
    meaning: 'A link could not be checked: no engine for its contract kind, the two sides disagree on the kind, or a contract is unreadable.',
    fix: 'Correct the contract named in the message, or publish both sides with the same contract kind.',
  },
  UNVERSIONED_CONTRACT: {
    effect: 'warning',
    meaning: 'A consumer declared no expectation, so it is checked conservatively: any breaking change of its provider breaks it.',
    fix: 'Declare what the consumer relies on (a subset contract, reader schema or operations) in its manifest.',
  },
  OPTIONAL_DEPENDENCY_SKIPPED: {
    effect: 'info',
    meaning: 'An optional dependency was not checked: its flag is off, or it has no live provider and is not required.',
    fix: 'Nothing to do now; the dependency is checked once its flag is on or a provider is live.',
  },
  IGNORED: {
    effect: 'info',
    meaning: 'A counterpart was left out of the decision on purpose, with a reason and an expiry.',
    fix: 'Remove the ignore once the counterpart is fixed; it lapses by itself at its expiry.',
  },
  IGNORE_EXPIRED: {
    effect: 'info',
    meaning: 'An ignore was given whose expiry has passed, so the counterpart was checked as usual.',
    fix: 'Fix the counterpart, or give a new ignore with a reason and a later expiry.',
  },
} as const satisfies Record<string, ReasonCodeDefinition>;

export type ReasonCode = keyof typeof REASON_CODES;

export function effectOf(code: ReasonCode): ReasonEffect {
  return REASON_CODES[code].effect;
}
