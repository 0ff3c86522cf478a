/**
 * A flag as it stands in one environment. The shape follows Unleash's client API (strategies with
 * parameters, constraints and variants) so definitions and percentages carry over, plus Stepwise's
 * own kill switch and deployment conditions.
 */

export const CONSTRAINT_OPERATORS = [
  'IN',
  'NOT_IN',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
  'STR_CONTAINS',
  'NUM_EQ',
  'NUM_GT',
  'NUM_GTE',
  'NUM_LT',
  'NUM_LTE',
  'DATE_AFTER',
  'DATE_BEFORE',
  'SEMVER_EQ',
  'SEMVER_GT',
  'SEMVER_GTE',
  'SEMVER_LT',
  'SEMVER_LTE',
] as const;
export type ConstraintOperator = (typeof CONSTRAINT_OPERATORS)[number];

/** A condition on one context field; a strategy applies only when all its constraints hold. */
export interface Constraint {
  readonly contextName: string;
  readonly operator: ConstraintOperator;
  /** For IN, NOT_IN and the STR_ operators. */
  readonly values?: readonly string[];
  /** For the NUM_, DATE_ and SEMVER_ operators. */
  readonly value?: string;
  readonly inverted?: boolean;
  readonly caseInsensitive?: boolean;
}

export interface VariantPayload {
  readonly type: 'string' | 'json' | 'csv' | 'number';
  readonly value: string;
}

/** Pins a variant for contexts whose field holds one of the values (Unleash "overrides"). */
export interface VariantOverride {
  readonly contextName: string;
  readonly values: readonly string[];
}

export interface Variant {
  readonly name: string;
  /** Share out of the variants' total weight (Unleash uses a total of 1000). */
  readonly weight: number;
  readonly stickiness?: string;
  readonly payload?: VariantPayload;
  readonly overrides?: readonly VariantOverride[];
}

/** `default` = userId, else sessionId, else random; `random`; or any context field name. */
export type Stickiness = string;

/**
 * A rule that turns the flag on for some contexts. `flexibleRollout` is Unleash's gradual rollout;
 * `default` is on for everyone who passes the constraints.
 */
export interface Strategy {
  readonly name: 'flexibleRollout' | 'default';
  readonly parameters?: {
    /** 0..100, for flexibleRollout. */
    readonly rollout?: number;
    readonly stickiness?: Stickiness;
    /** Users with the same groupId and stickiness value land in the same bucket across flags. */
    readonly groupId?: string;
  };
  readonly constraints?: readonly Constraint[];
  /** Variants handed out to contexts this strategy turned on (take precedence over the flag's). */
  readonly variants?: readonly Variant[];
}

/**
 * Ties a flag to what is live in the environment. `fully-rolled-out`: on only while the service runs
 * and every live version of it is at least `version`. `no-live-older-than`: off while any live version
 * of the service is older than `version`.
 */
export type DeploymentCondition =
  | { readonly kind: 'fully-rolled-out'; readonly service: string; readonly version: string }
  | { readonly kind: 'no-live-older-than'; readonly service: string; readonly version: string };

export interface FlagDefinition {
  readonly name: string;
  /** The on/off switch in this environment. */
  readonly enabled: boolean;
  /** Overrides everything: a killed flag is off for everyone until revived. */
  readonly killed?: boolean;
  /** Empty: on for everyone while enabled. Otherwise on when any strategy turns it on. */
  readonly strategies: readonly Strategy[];
  readonly variants?: readonly Variant[];
  readonly conditions?: readonly DeploymentCondition[];
}

/** What the caller knows about the subject. Unleash's context shape: well-known fields plus `properties`. */
export interface EvaluationContext {
  readonly userId?: string;
  readonly sessionId?: string;
  readonly remoteAddress?: string;
  /** ISO timestamp for DATE_ operators; defaults to the evaluation's `at`. */
  readonly currentTime?: string;
  readonly properties?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly [field: string]: unknown;
}
