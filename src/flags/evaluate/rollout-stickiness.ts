import { contextValue } from './context-value.ts';
import type { EvaluationContext } from './flag-definition.ts';

/**
 * The value a gradual rollout hashes: `default` is userId, else sessionId, else random; `random` is
 * random; anything else is that context field (missing: the context is not in the rollout).
 */
export function rolloutStickinessValue(
  stickiness: string,
  context: EvaluationContext,
  random: () => number,
): string | undefined {
  if (stickiness === 'default') {
    const value = context.userId || context.sessionId;
    return value ? String(value) : randomValue(random);
  }
  if (stickiness === 'random') return randomValue(random);
  return contextValue(context, stickiness) || undefined;
}

function randomValue(random: () => number): string {
  return `${Math.round(random() * 10000) + 1}`;
}
