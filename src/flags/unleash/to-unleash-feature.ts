import type { LiveVersion } from '../../model/snapshot.ts';
import { failingCondition } from '../evaluate/deployment-condition-holds.ts';
import type { Constraint, FlagDefinition, Strategy, Variant } from '../evaluate/flag-definition.ts';

/** A flag in the shape Unleash's client API serves (`GET /api/client/features`, spec version 5). */
export interface UnleashFeature {
  readonly name: string;
  readonly type: 'release';
  readonly project: 'default';
  readonly stale: false;
  readonly impressionData: false;
  readonly enabled: boolean;
  readonly strategies: readonly UnleashStrategy[];
  readonly variants: readonly UnleashVariant[];
}

export interface UnleashStrategy {
  readonly name: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly constraints: readonly Constraint[];
  readonly variants: readonly UnleashVariant[];
}

export interface UnleashVariant {
  readonly name: string;
  readonly weight: number;
  readonly weightType: 'variable';
  readonly stickiness?: string;
  readonly payload?: { readonly type: string; readonly value: string };
  readonly overrides?: readonly { readonly contextName: string; readonly values: readonly string[] }[];
}

/**
 * Our definition as an Unleash SDK expects it, so existing Unleash SDKs can read Stepwise flags. What
 * Unleash has no word for is resolved here: a killed flag, or one whose deployment conditions fail
 * against `live`, is served as disabled. groupId is always spelled out (Unleash's server does the same).
 */
export function toUnleashFeature(flag: FlagDefinition, live: readonly LiveVersion[]): UnleashFeature {
  const conditionsHold = !flag.conditions || flag.conditions.length === 0 || failingCondition(flag.conditions, live) === undefined;
  return {
    name: flag.name,
    type: 'release',
    project: 'default',
    stale: false,
    impressionData: false,
    enabled: flag.enabled && !flag.killed && conditionsHold,
    strategies: flag.strategies.map((strategy) => toUnleashStrategy(flag.name, strategy)),
    variants: (flag.variants ?? []).map(toUnleashVariant),
  };
}

function toUnleashStrategy(flagName: string, strategy: Strategy): UnleashStrategy {
  // groupId also goes on `default` strategies: SDKs seed strategy variants with it
  const parameters: Record<string, string> = { groupId: strategy.parameters?.groupId ?? flagName };
  if (strategy.name === 'flexibleRollout') {
    parameters.rollout = String(strategy.parameters?.rollout ?? 100);
    parameters.stickiness = strategy.parameters?.stickiness ?? 'default';
  }
  return {
    name: strategy.name,
    parameters,
    constraints: (strategy.constraints ?? []).map((constraint) => ({ ...constraint, values: [...(constraint.values ?? [])] })),
    variants: (strategy.variants ?? []).map(toUnleashVariant),
  };
}

function toUnleashVariant(variant: Variant): UnleashVariant {
  return {
    name: variant.name,
    weight: variant.weight,
    weightType: 'variable',
    // left out when unset: SDKs then fall back to the strategy's stickiness, as our evaluator does
    ...(variant.stickiness ? { stickiness: variant.stickiness } : {}),
    ...(variant.payload ? { payload: variant.payload } : {}),
    ...(variant.overrides ? { overrides: variant.overrides.map((override) => ({ contextName: override.contextName, values: [...override.values] })) } : {}),
  };
}
