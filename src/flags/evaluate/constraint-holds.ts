import semver from 'semver';
import { contextValue } from './context-value.ts';
import type { Constraint, EvaluationContext } from './flag-definition.ts';

/**
 * Whether one constraint holds for a context, with Unleash's semantics: values are trimmed and empty
 * ones dropped; a missing or unparsable context value fails every operator except NOT_IN; `inverted`
 * negates the outcome.
 */
export function constraintHolds(constraint: Constraint, context: EvaluationContext, at: string | undefined): boolean {
  const outcome = evaluateOperator(constraint, context, at);
  return constraint.inverted ? !outcome : outcome;
}

function evaluateOperator(constraint: Constraint, context: EvaluationContext, at: string | undefined): boolean {
  const { operator } = constraint;
  switch (operator) {
    case 'IN':
    case 'NOT_IN': {
      const value = contextValue(context, constraint.contextName);
      const isIn = cleanValues(constraint.values).includes(value as string);
      return operator === 'IN' ? isIn : !isIn;
    }
    case 'STR_STARTS_WITH':
    case 'STR_ENDS_WITH':
    case 'STR_CONTAINS':
      return stringOperator(constraint, context);
    case 'NUM_EQ':
    case 'NUM_GT':
    case 'NUM_GTE':
    case 'NUM_LT':
    case 'NUM_LTE':
      return numberOperator(constraint, context);
    case 'DATE_AFTER':
    case 'DATE_BEFORE': {
      const limit = Date.parse(constraint.value ?? '');
      const now = Date.parse(context.currentTime ?? at ?? '');
      if (Number.isNaN(limit) || Number.isNaN(now)) return false;
      return operator === 'DATE_AFTER' ? now > limit : now < limit;
    }
    case 'SEMVER_EQ':
    case 'SEMVER_GT':
    case 'SEMVER_GTE':
    case 'SEMVER_LT':
    case 'SEMVER_LTE':
      return semverOperator(constraint, context);
    default:
      return false;
  }
}

// Definitions are immutable once loaded, so a constraint's cleaned values are worked out once.
const cleaned = new WeakMap<readonly string[], readonly string[]>();
const NO_VALUES: readonly string[] = [];

function cleanValues(values: readonly string[] | undefined): readonly string[] {
  if (!values) return NO_VALUES;
  let result = cleaned.get(values);
  if (!result) {
    result = values.filter((value) => !!value).map((value) => value.trim());
    cleaned.set(values, result);
  }
  return result;
}

function stringOperator(constraint: Constraint, context: EvaluationContext): boolean {
  let value = contextValue(context, constraint.contextName);
  let values: readonly string[] = cleanValues(constraint.values);
  if (value === undefined) return false;
  if (constraint.caseInsensitive) {
    value = value.toLocaleLowerCase();
    values = values.map((candidate) => candidate.toLocaleLowerCase());
  }
  const subject = value;
  switch (constraint.operator) {
    case 'STR_STARTS_WITH':
      return values.some((candidate) => subject.startsWith(candidate));
    case 'STR_ENDS_WITH':
      return values.some((candidate) => subject.endsWith(candidate));
    default:
      return values.some((candidate) => subject.includes(candidate));
  }
}

function numberOperator(constraint: Constraint, context: EvaluationContext): boolean {
  const limit = Number(constraint.value);
  const value = Number(contextValue(context, constraint.contextName));
  if (Number.isNaN(limit) || Number.isNaN(value)) return false;
  switch (constraint.operator) {
    case 'NUM_EQ':
      return value === limit;
    case 'NUM_GT':
      return value > limit;
    case 'NUM_GTE':
      return value >= limit;
    case 'NUM_LT':
      return value < limit;
    default:
      return value <= limit;
  }
}

// Constraint values are few and fixed: each is parsed once.
const parsedLimits = new Map<string, semver.SemVer | null>();

function semverOperator(constraint: Constraint, context: EvaluationContext): boolean {
  const value = contextValue(context, constraint.contextName);
  const text = constraint.value ?? '';
  let limit = parsedLimits.get(text);
  if (limit === undefined) {
    limit = semver.parse(text);
    if (parsedLimits.size < 10_000) parsedLimits.set(text, limit);
  }
  // Unleash accepts only strict semver in the context: no leading "v".
  if (!value || value.startsWith('v') || limit === null) return false;
  const parsed = semver.parse(value);
  if (parsed === null) return false;
  const order = parsed.compare(limit);
  switch (constraint.operator) {
    case 'SEMVER_EQ':
      return order === 0;
    case 'SEMVER_GT':
      return order > 0;
    case 'SEMVER_GTE':
      return order >= 0;
    case 'SEMVER_LT':
      return order < 0;
    default:
      return order <= 0;
  }
}
