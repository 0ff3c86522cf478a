import type { DeploymentCondition } from '../../flags/evaluate/flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';

/**
 * `--when-rolled-out worker@>=2.0.0` and `--off-if-older reader@1.4.0` as deployment conditions.
 * `>=` is optional in the first form, since "at least" is what it means either way.
 */
export function parseConditionOption(kind: DeploymentCondition['kind'], option: string, value: string): DeploymentCondition {
  const match = /^([a-z0-9][a-z0-9._-]*)@(?:>=)?(.+)$/.exec(value);
  if (!match) throw new StepwiseError('BAD_INPUT', `${option} expects SERVICE@VERSION (e.g. worker@>=2.0.0), not "${value}"`, { pointer: option });
  return { kind, service: match[1]!, version: match[2]! };
}
