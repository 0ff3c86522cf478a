import type { LiveVersion } from '../../model/snapshot.ts';
import { failingCondition } from './deployment-condition-holds.ts';
import type { FlagDefinition } from './flag-definition.ts';

/**
 * Whether the flag can be on for anyone now: switched on, not killed, its deployment conditions
 * hold, and some strategy can let a context in. The decision and the planner read flags this way:
 * a dependency behind a flag that may be on for some users is exercised.
 */
export function flagMayBeOn(flag: FlagDefinition, live: readonly LiveVersion[]): boolean {
  if (!flag.enabled || flag.killed) return false;
  if (failingCondition(flag.conditions, live)) return false;
  if (flag.strategies.length === 0) return true;
  return flag.strategies.some((strategy) => strategy.name === 'default' || Number(strategy.parameters?.rollout ?? 100) > 0);
}
