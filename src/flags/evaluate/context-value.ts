import type { EvaluationContext } from './flag-definition.ts';

/** A context field as a string, looked up at the top level first and then in `properties` (as Unleash does). */
export function contextValue(context: EvaluationContext, field: string): string | undefined {
  const value = context[field] ?? context.properties?.[field];
  return value === undefined || value === null ? undefined : String(value);
}
