import type { EvaluationContext as OpenFeatureContext } from '@openfeature/server-sdk';
import type { EvaluationContext } from '../evaluate/flag-definition.ts';

/**
 * OpenFeature's context as the evaluator's: `targetingKey` stands in for `userId` when there is none
 * (so stickiness follows the OpenFeature subject), dates become ISO strings, and nested values are
 * dropped because no constraint can compare them.
 */
export function toFlagContext(context: OpenFeatureContext): EvaluationContext {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(context)) {
    if (key === 'targetingKey') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') result[key] = value;
    else if (value instanceof Date) result[key] = value.toISOString();
  }
  if (context.targetingKey && result.userId === undefined) result.userId = context.targetingKey;
  return result;
}
