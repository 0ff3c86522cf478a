import { contextValue } from './context-value.ts';
import type { EvaluationContext, Variant } from './flag-definition.ts';
import { variantBucket } from './normalized-value.ts';

export interface VariantChoice {
  readonly variant: Variant;
  /** True when an override pinned it, false when the weighted split chose it. */
  readonly overridden: boolean;
}

/**
 * Picks a variant the way Unleash SDKs do: an override matching the context wins; otherwise the
 * bucket murmur3(`groupId:seed`, 86028157) % totalWeight + 1 falls into the first variant whose
 * cumulative weight reaches it (zero-weight variants never win).
 */
export function selectVariant(
  groupId: string,
  stickiness: string | undefined,
  variants: readonly Variant[],
  context: EvaluationContext,
  random: () => number,
): VariantChoice | undefined {
  let totalWeight = 0;
  for (const variant of variants) totalWeight += variant.weight;
  if (totalWeight <= 0) return undefined;
  for (const variant of variants) {
    if (!variant.overrides) continue;
    for (const override of variant.overrides) {
      const value = contextValue(context, override.contextName);
      if (override.values.some((candidate) => candidate === value)) return { variant, overridden: true };
    }
  }
  const target = variantBucket(groupId, variantSeed(context, stickiness ?? 'default', random), totalWeight);
  let counter = 0;
  for (const variant of variants) {
    if (variant.weight === 0) continue;
    counter += variant.weight;
    if (counter >= target) return { variant, overridden: false };
  }
  return undefined;
}

const DEFAULT_SEED_FIELDS = ['userId', 'sessionId', 'remoteAddress'] as const;

function variantSeed(context: EvaluationContext, stickiness: string, random: () => number): string {
  if (stickiness !== 'default') return contextValue(context, stickiness) || randomSeed(random);
  for (const field of DEFAULT_SEED_FIELDS) {
    const value = context[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return randomSeed(random);
}

function randomSeed(random: () => number): string {
  return String(Math.round(random() * 100000));
}
