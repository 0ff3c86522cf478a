import type { LiveVersion } from '../../model/snapshot.ts';
import type { DeploymentCondition, FlagDefinition } from './flag-definition.ts';
import { flagMayBeOn } from './flag-may-be-on.ts';

/**
 * `EnvironmentSnapshot.flags` for a hypothetical set of live versions: the planner moves services in
 * its head, and a flag with deployment conditions follows them (off while a provider is only partly
 * rolled out, on once it is fully there, off again after a rollback).
 */
export function flagStates(definitions: readonly FlagDefinition[], live: readonly LiveVersion[]): Record<string, boolean> {
  const states: Record<string, boolean> = {};
  for (const definition of definitions) states[definition.name] = flagMayBeOn(definition, live);
  return states;
}

/**
 * The conditions that make a plan's "enable flag" step safe to apply before its providers are
 * out: the flag stays off until every provider is fully rolled out at (at least) the version the
 * plan moves it to, and goes off by itself if one is rolled back below it.
 */
export function enableFlagConditions(providers: readonly { readonly service: string; readonly version: string }[]): DeploymentCondition[] {
  return providers.map((provider) => ({ kind: 'fully-rolled-out', service: provider.service, version: provider.version }));
}
