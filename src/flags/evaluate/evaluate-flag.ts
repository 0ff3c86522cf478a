import type { LiveVersion } from '../../model/snapshot.ts';
import { constraintHolds } from './constraint-holds.ts';
import { failingCondition } from './deployment-condition-holds.ts';
import type { EvaluationContext, FlagDefinition, Strategy, Variant, VariantPayload } from './flag-definition.ts';
import { rolloutBucket } from './normalized-value.ts';
import { rolloutStickinessValue } from './rollout-stickiness.ts';
import { selectVariant } from './select-variant.ts';

/**
 * Why a flag came out the way it did. The first five are OpenFeature's standard reasons; the rest
 * name Stepwise's own causes for "off".
 */
export type EvaluationReason =
  | 'STATIC'
  | 'TARGETING_MATCH'
  | 'SPLIT'
  | 'DEFAULT'
  | 'DISABLED'
  | 'KILLED'
  | 'DEPLOYMENT_CONDITION'
  | 'ERROR';

export interface FlagEvaluation {
  readonly flag: string;
  readonly enabled: boolean;
  /** Unleash's convention: `disabled` when no variant applies. */
  readonly variant: string;
  readonly payload?: VariantPayload;
  readonly reason: EvaluationReason;
  /** OpenFeature error code when reason is ERROR (e.g. FLAG_NOT_FOUND). */
  readonly errorCode?: string;
}

export interface EvaluationOptions {
  /** ISO timestamp standing for "now" in DATE_ constraints when the context has no currentTime. */
  readonly at?: string;
  /** Versions live in the environment, for deployment conditions. */
  readonly live?: readonly LiveVersion[];
  /** Source of randomness for `random` stickiness; injected so tests are deterministic. */
  readonly random?: () => number;
}

export const DISABLED_VARIANT = 'disabled';
const NO_LIVE: readonly LiveVersion[] = [];

/**
 * Evaluates one flag for one context, with Unleash's semantics for strategies, constraints,
 * stickiness and variants, after Stepwise's kill switch and deployment conditions.
 */
export function evaluateFlag(flag: FlagDefinition, context: EvaluationContext, options: EvaluationOptions = {}): FlagEvaluation {
  const name = flag.name;
  if (flag.killed) return off(name, 'KILLED');
  if (!flag.enabled) return off(name, 'DISABLED');
  if (flag.conditions && flag.conditions.length > 0 && failingCondition(flag.conditions, options.live ?? NO_LIVE)) {
    return off(name, 'DEPLOYMENT_CONDITION');
  }
  const random = options.random ?? Math.random;
  const strategies = flag.strategies;
  let matched: Strategy | undefined;
  let reason: EvaluationReason = 'STATIC';
  if (strategies.length > 0) {
    for (const strategy of strategies) {
      if (strategyEnables(strategy, name, context, options.at, random)) {
        matched = strategy;
        break;
      }
    }
    if (!matched) return off(name, 'DEFAULT');
    reason = strategyReason(matched);
  }
  if (matched?.variants && matched.variants.length > 0) {
    const stickiness = matched.variants[0]!.stickiness || matched.parameters?.stickiness;
    const choice = selectVariant(matched.parameters?.groupId ?? name, stickiness, matched.variants, context, random);
    if (choice) return on(name, choice.variant, choice.overridden ? 'TARGETING_MATCH' : variantReason(reason, matched.variants));
  }
  const variants = flag.variants;
  if (variants && variants.length > 0) {
    const choice = selectVariant(name, variants[0]!.stickiness, variants, context, random);
    if (choice) return on(name, choice.variant, choice.overridden ? 'TARGETING_MATCH' : variantReason(reason, variants));
  }
  return { flag: name, enabled: true, variant: DISABLED_VARIANT, reason };
}

function strategyEnables(
  strategy: Strategy,
  flagName: string,
  context: EvaluationContext,
  at: string | undefined,
  random: () => number,
): boolean {
  const constraints = strategy.constraints;
  if (constraints) {
    for (const constraint of constraints) if (!constraintHolds(constraint, context, at)) return false;
  }
  if (strategy.name === 'default') return true;
  const parameters = strategy.parameters ?? {};
  const percentage = Number(parameters.rollout ?? 100);
  const value = rolloutStickinessValue(parameters.stickiness || 'default', context, random);
  if (!value) return false;
  return percentage > 0 && rolloutBucket(parameters.groupId ?? flagName, value) <= percentage;
}

function strategyReason(strategy: Strategy): EvaluationReason {
  if (strategy.name === 'flexibleRollout' && Number(strategy.parameters?.rollout ?? 100) < 100) return 'SPLIT';
  return strategy.constraints && strategy.constraints.length > 0 ? 'TARGETING_MATCH' : 'STATIC';
}

function variantReason(reason: EvaluationReason, variants: readonly Variant[]): EvaluationReason {
  let weighted = 0;
  for (const variant of variants) if (variant.weight > 0 && ++weighted > 1) return 'SPLIT';
  return reason;
}

function on(flag: string, variant: Variant, reason: EvaluationReason): FlagEvaluation {
  return variant.payload
    ? { flag, enabled: true, variant: variant.name, payload: variant.payload, reason }
    : { flag, enabled: true, variant: variant.name, reason };
}

function off(flag: string, reason: EvaluationReason): FlagEvaluation {
  return { flag, enabled: false, variant: DISABLED_VARIANT, reason };
}
