import semver from 'semver';
import type { LiveVersion } from '../../model/snapshot.ts';
import type { DeploymentCondition } from './flag-definition.ts';

/**
 * Whether a deployment condition holds against what is live in the environment now. A live version
 * that is not semver cannot be shown to be new enough, so it counts as older: the flag fails safe (off).
 */
export function deploymentConditionHolds(condition: DeploymentCondition, live: readonly LiveVersion[]): boolean {
  const versions = live.filter((entry) => entry.service === condition.service).map((entry) => entry.version);
  const atLeast = (version: string): boolean => {
    const parsed = semver.valid(version);
    return parsed !== null && semver.gte(parsed, condition.version);
  };
  switch (condition.kind) {
    case 'fully-rolled-out':
      return versions.length > 0 && versions.every(atLeast);
    case 'no-live-older-than':
      return versions.every(atLeast);
  }
}

/** The first condition that does not hold, or undefined when all hold. */
export function failingCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  live: readonly LiveVersion[],
): DeploymentCondition | undefined {
  if (!conditions) return undefined;
  return conditions.find((condition) => !deploymentConditionHolds(condition, live));
}

export function describeCondition(condition: DeploymentCondition): string {
  return condition.kind === 'fully-rolled-out'
    ? `on only while ${condition.service}@>=${condition.version} is fully rolled out`
    : `off while any live ${condition.service} is older than ${condition.version}`;
}
