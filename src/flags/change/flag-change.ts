import type { DeploymentCondition, FlagDefinition, Strategy, Variant } from '../evaluate/flag-definition.ts';

/** One change to a flag in one environment; every change is recorded with who made it and why. */
export type FlagChange =
  | { readonly kind: 'enable' }
  | { readonly kind: 'disable' }
  | { readonly kind: 'kill' }
  | { readonly kind: 'revive' }
  | { readonly kind: 'rollout'; readonly percent: number; readonly groupId?: string; readonly stickiness?: string }
  | {
      readonly kind: 'update';
      readonly enabled?: boolean;
      readonly strategies?: readonly Strategy[];
      readonly variants?: readonly Variant[];
      readonly conditions?: readonly DeploymentCondition[];
    };

/**
 * The flag after a change (pure; validation is the caller's next step). A rollout sets the first
 * gradual-rollout strategy's percentage (adding one if there is none), keeps its constraints and
 * variants, drops unconstrained `default` strategies (they would turn it on for everyone regardless),
 * and switches the flag on. A kill overrides everything until revived.
 */
export function applyFlagChange(flag: FlagDefinition, change: FlagChange): FlagDefinition {
  switch (change.kind) {
    case 'enable':
      return { ...flag, enabled: true };
    case 'disable':
      return { ...flag, enabled: false };
    case 'kill':
      return { ...flag, killed: true };
    case 'revive': {
      const { killed: _killed, ...rest } = flag;
      return rest;
    }
    case 'rollout':
      return { ...flag, enabled: true, strategies: withRollout(flag, change) };
    case 'update': {
      const { kind: _kind, ...fields } = change;
      return { ...flag, ...fields };
    }
  }
}

function withRollout(flag: FlagDefinition, change: Extract<FlagChange, { kind: 'rollout' }>): Strategy[] {
  const kept = flag.strategies.filter((strategy) => strategy.name !== 'default' || (strategy.constraints ?? []).length > 0);
  const index = kept.findIndex((strategy) => strategy.name === 'flexibleRollout');
  const existing = index >= 0 ? kept[index]! : undefined;
  const strategy: Strategy = {
    ...(existing ?? { name: 'flexibleRollout' }),
    parameters: {
      rollout: change.percent,
      stickiness: change.stickiness ?? existing?.parameters?.stickiness ?? 'default',
      groupId: change.groupId ?? existing?.parameters?.groupId ?? flag.name,
    },
  };
  if (index >= 0) kept[index] = strategy;
  else kept.unshift(strategy);
  return kept;
}
