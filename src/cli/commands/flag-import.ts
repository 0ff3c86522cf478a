import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { FlagDefinition } from '../../flags/evaluate/flag-definition.ts';
import { validateFlagDefinition, type FlagProblem } from '../../flags/evaluate/validate-flag-definition.ts';
import { fromUnleashFeature, type UnleashFeatureInput } from '../../flags/unleash/from-unleash-feature.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { StoredFlag } from '../../store/flags/stored-flag.ts';
import type { CliContext } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

/**
 * `stepwise flag import FILE --env E --reason WHY`: Unleash features (the client API's
 * `{"features": [...]}` or a bare array) as Stepwise flags in one environment. Every feature is
 * converted and checked before the first change is sent, so a bad file changes nothing.
 */
export function registerFlagImport(flag: Command, context: CliContext): void {
  withRemoteOptions(
    flag
      .command('import <file>')
      .description('import Unleash features (client API response or export) into one environment')
      .requiredOption('--env <environment>', 'the environment')
      .requiredOption('--reason <text>', 'why: kept in the flag history and the audit log'),
  ).action(async (file: string, flags: RemoteFlags & { env: string; reason: string }) => {
    const definitions = readFeatures(context, file);
    const client = clientFor(context, flags);
    const { flags: existing } = await client.get<{ flags: StoredFlag[] }>('/v1/flags');
    for (const definition of definitions) {
      const rows = existing.filter((row) => row.name === definition.name);
      if (rows.length > 0 && !rows.some((row) => row.environment === flags.env)) {
        throw new StepwiseError('CONFLICT', `flag "${definition.name}" exists in ${rows.map((row) => row.environment).join(', ')} but not in ${flags.env}; nothing imported`, { file });
      }
    }
    const imported: StoredFlag[] = [];
    for (const definition of definitions) {
      if (!existing.some((row) => row.name === definition.name)) {
        await client.post('/v1/flags', { name: definition.name, environments: [flags.env], reason: flags.reason });
      }
      const change = { kind: 'update', enabled: definition.enabled, strategies: definition.strategies, variants: definition.variants ?? [] };
      const path = `/v1/environments/${encodeURIComponent(flags.env)}/flags/${encodeURIComponent(definition.name)}/changes`;
      imported.push((await client.post<{ flag: StoredFlag }>(path, { change, reason: flags.reason })).flag);
    }
    print(context, flags, { flags: imported }, () => `imported ${imported.length} flag${imported.length === 1 ? '' : 's'} into ${flags.env}: ${imported.map((row) => row.name).join(', ')}`);
  });
}

function readFeatures(context: CliContext, file: string): FlagDefinition[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(context.cwd, file), 'utf8'));
  } catch (error) {
    throw new StepwiseError('BAD_INPUT', `${file}: ${(error as Error).message}`, { file });
  }
  const wrapped = value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { features?: unknown }).features);
  const features = wrapped ? (value as { features: unknown[] }).features : value;
  if (!Array.isArray(features)) throw new StepwiseError('BAD_INPUT', `${file}: expected {"features": [...]} or an array of features`, { file });
  const base = wrapped ? '/features' : '';
  const problems: FlagProblem[] = [];
  const definitions: FlagDefinition[] = [];
  features.forEach((feature, index) => {
    const result = fromUnleashFeature((feature ?? {}) as UnleashFeatureInput, `${base}/${index}`);
    if (!('flag' in result)) return void problems.push(...result.problems);
    const found = validateFlagDefinition(result.flag).map((problem) => ({ ...problem, pointer: `${base}/${index}${problem.pointer}` }));
    if (found.length > 0) problems.push(...found);
    else definitions.push(result.flag);
  });
  if (problems.length > 0) {
    throw new StepwiseError('BAD_INPUT', `${file}: ${problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ')}; nothing imported`, { file, pointer: problems[0]!.pointer });
  }
  return definitions;
}
