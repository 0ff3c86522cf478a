import semver from 'semver';
import { CONSTRAINT_OPERATORS, type Constraint, type FlagDefinition, type Variant } from './flag-definition.ts';

export interface FlagProblem {
  /** JSON pointer into the definition. */
  readonly pointer: string;
  readonly message: string;
}

export const FLAG_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-:]{0,99}$/;
const LIST_OPERATORS = new Set(['IN', 'NOT_IN', 'STR_STARTS_WITH', 'STR_ENDS_WITH', 'STR_CONTAINS']);

/**
 * Everything wrong with a flag definition, each at its JSON pointer: names, a rollout outside
 * 0..100, conflicting variants (duplicate names, mixed stickiness, a context pinned to two variants,
 * weights that hand out nothing), constraints whose value cannot be compared, conditions on
 * versions that are not semver. Empty when the definition is sound.
 */
export function validateFlagDefinition(flag: FlagDefinition): FlagProblem[] {
  const problems: FlagProblem[] = [];
  const problem = (pointer: string, message: string) => problems.push({ pointer, message });
  if (!FLAG_NAME_PATTERN.test(flag.name)) {
    problem('/name', `flag name "${flag.name}" must be 1-100 letters, digits, ".", "_", "-" or ":", starting with a letter or digit`);
  }
  flag.strategies.forEach((strategy, index) => {
    const at = `/strategies/${index}`;
    const rollout = strategy.parameters?.rollout;
    if (rollout !== undefined && (!Number.isInteger(rollout) || rollout < 0 || rollout > 100)) {
      problem(`${at}/parameters/rollout`, `rollout percentage ${rollout} is out of range: use a whole number from 0 to 100`);
    }
    if (strategy.parameters?.stickiness === '') problem(`${at}/parameters/stickiness`, 'stickiness must not be empty');
    (strategy.constraints ?? []).forEach((constraint, position) => checkConstraint(constraint, `${at}/constraints/${position}`, problem));
    if (strategy.variants) checkVariants(strategy.variants, `${at}/variants`, problem);
  });
  if (flag.variants) checkVariants(flag.variants, '/variants', problem);
  (flag.conditions ?? []).forEach((condition, index) => {
    if (!condition.service) problem(`/conditions/${index}/service`, 'a deployment condition needs a service');
    if (!semver.valid(condition.version)) problem(`/conditions/${index}/version`, `"${condition.version}" is not a semantic version`);
  });
  return problems;
}

function checkConstraint(constraint: Constraint, at: string, problem: (pointer: string, message: string) => void): void {
  const operator = constraint.operator;
  if (!(CONSTRAINT_OPERATORS as readonly string[]).includes(operator)) {
    problem(`${at}/operator`, `unknown operator "${operator}"; use one of ${CONSTRAINT_OPERATORS.join(', ')}`);
    return;
  }
  if (!constraint.contextName) problem(`${at}/contextName`, 'a constraint needs a context field name');
  if (LIST_OPERATORS.has(operator)) {
    if (!constraint.values || constraint.values.length === 0) problem(`${at}/values`, `${operator} needs at least one value`);
    return;
  }
  const value = constraint.value;
  if (value === undefined || value === '') {
    problem(`${at}/value`, `${operator} needs a value`);
  } else if (operator.startsWith('NUM_') && Number.isNaN(Number(value))) {
    problem(`${at}/value`, `${operator} compares numbers; "${value}" is not one`);
  } else if (operator.startsWith('SEMVER_') && !semver.valid(value)) {
    problem(`${at}/value`, `${operator} compares semantic versions; "${value}" is not one`);
  } else if (operator.startsWith('DATE_') && Number.isNaN(Date.parse(value))) {
    problem(`${at}/value`, `${operator} compares dates; "${value}" is not an ISO date`);
  }
}

function checkVariants(variants: readonly Variant[], at: string, problem: (pointer: string, message: string) => void): void {
  if (variants.length === 0) return;
  const names = new Set<string>();
  const pinned = new Map<string, string>();
  let total = 0;
  let weightsValid = true;
  variants.forEach((variant, index) => {
    if (!variant.name) problem(`${at}/${index}/name`, 'a variant needs a name');
    if (names.has(variant.name)) problem(`${at}/${index}/name`, `conflicting variants: "${variant.name}" appears twice`);
    names.add(variant.name);
    if (!Number.isInteger(variant.weight) || variant.weight < 0 || variant.weight > 1000) {
      problem(`${at}/${index}/weight`, `variant weight ${variant.weight} must be a whole number from 0 to 1000`);
      weightsValid = false;
    } else {
      total += variant.weight;
    }
    if ((variant.stickiness ?? 'default') !== (variants[0]!.stickiness ?? 'default')) {
      problem(`${at}/${index}/stickiness`, `conflicting variants: stickiness "${variant.stickiness ?? 'default'}" differs from the first variant's "${variants[0]!.stickiness ?? 'default'}"`);
    }
    (variant.overrides ?? []).forEach((override, position) => {
      for (const value of override.values) {
        const key = `${override.contextName}=${value}`;
        const other = pinned.get(key);
        if (other !== undefined && other !== variant.name) {
          problem(`${at}/${index}/overrides/${position}`, `conflicting variants: ${key} is pinned to both "${other}" and "${variant.name}"`);
        }
        pinned.set(key, variant.name);
      }
    });
  });
  if (weightsValid && total <= 0) problem(at, 'conflicting variants: the weights add up to 0, so no variant can be handed out');
}
