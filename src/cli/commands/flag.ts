import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { FlagChange } from '../../flags/change/flag-change.ts';
import type { DeploymentCondition, FlagDefinition } from '../../flags/evaluate/flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { StoredFlag } from '../../store/flags/stored-flag.ts';
import type { ApiClient } from '../client.ts';
import type { CliContext, RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { parseConditionOption } from './flag-conditions-option.ts';
import { registerFlagEval } from './flag-eval.ts';
import { registerFlagHistory } from './flag-history.ts';
import { registerFlagImport } from './flag-import.ts';

interface ChangeFlags extends RemoteFlags {
  readonly env?: string;
  readonly reason: string;
}

/** `stepwise flag create|set|rollout|kill|list|eval|history`: feature flags per environment, every change with who and why. */
export const registerFlag: RegisterCommand = (program, context) => {
  const flag = program.command('flag').description('feature flags per environment: create, change, roll out, kill, list, evaluate, history, import from Unleash');

  withRemoteOptions(
    flag
      .command('create <name>')
      .description('create a flag, switched off, in every environment (or those given with --env)')
      .option('--env <environment...>', 'only these environments')
      .option('--description <text>', 'what it guards')
      .option('--reason <text>', 'why it exists'),
  ).action(async (name: string, flags: RemoteFlags & { env?: string[]; description?: string; reason?: string }) => {
    const { flags: created } = await clientFor(context, flags).post<{ flags: StoredFlag[] }>('/v1/flags', {
      name,
      ...(flags.env ? { environments: flags.env } : {}),
      ...(flags.description ? { description: flags.description } : {}),
      ...(flags.reason ? { reason: flags.reason } : {}),
    });
    print(context, flags, { flags: created }, () => `created flag ${name} (off) in ${created.map((row) => row.environment).join(', ')}`);
  });

  changeCommand(flag, 'set <name>', 'switch a flag on or off, revive it after a kill, or replace its rules')
    .option('--on', 'switch it on')
    .option('--off', 'switch it off')
    .option('--revive', 'lift the kill switch')
    .option('--file <definition.json>', 'strategies, variants and conditions as JSON (replaces those given)')
    .option('--when-rolled-out <service@>=version...>', 'on only while every live version of the service is at least this one')
    .option('--off-if-older <service@version...>', 'off while any live version of the service is older than this one')
    .option('--no-conditions', 'remove every deployment condition')
    .action(async (name: string, flags: ChangeFlags & SetFlags) => {
      const changes = setChanges(context, flags);
      if (changes.length === 0) throw new StepwiseError('BAD_INPUT', 'nothing to set: give --on, --off, --revive, --file or a condition');
      const client = clientFor(context, flags);
      let result: { flag: StoredFlag; changed: boolean } | undefined;
      for (const change of changes) result = await sendChange(client, name, requireEnv(flags), change, flags.reason);
      print(context, flags, result, () => describe(result!.flag, result!.changed));
    });

  changeCommand(flag, 'rollout <name>', 'roll a flag out to a percentage of contexts, sticky by a context field')
    .requiredOption('--percent <p>', 'whole percentage 0..100')
    .option('--group <groupId>', 'contexts with the same group and stickiness value share a bucket across flags (default: the flag name)')
    .option('--stickiness <field>', '`default` (userId, then sessionId, then random), `random`, `userId`, `sessionId` or any context field')
    .action(async (name: string, flags: ChangeFlags & { percent: string; group?: string; stickiness?: string }) => {
      const percent = Number(flags.percent);
      if (!/^\d+$/.test(flags.percent.trim()) || percent < 0 || percent > 100) {
        throw new StepwiseError('BAD_INPUT', `--percent must be a whole number from 0 to 100, not "${flags.percent}"`, { pointer: '--percent' });
      }
      const change: FlagChange = { kind: 'rollout', percent, ...(flags.group ? { groupId: flags.group } : {}), ...(flags.stickiness ? { stickiness: flags.stickiness } : {}) };
      const result = await sendChange(clientFor(context, flags), name, requireEnv(flags), change, flags.reason);
      print(context, flags, result, () => describe(result.flag, result.changed));
    });

  changeCommand(flag, 'kill <name>', 'kill switch: off for everyone at once (every environment unless --env), until `flag set --revive`').action(
    async (name: string, flags: ChangeFlags) => {
      const client = clientFor(context, flags);
      const environments = flags.env
        ? [flags.env]
        : (await client.get<{ flags: StoredFlag[] }>(`/v1/flags?name=${encodeURIComponent(name)}`)).flags.map((row) => row.environment);
      if (environments.length === 0) throw new StepwiseError('NOT_FOUND', `flag "${name}" does not exist`, { pointer: '/name' });
      const results: Array<{ flag: StoredFlag; changed: boolean }> = [];
      for (const environment of environments) results.push(await sendChange(client, name, environment, { kind: 'kill' }, flags.reason));
      print(context, flags, { results }, () => results.map((result) => describe(result.flag, result.changed)).join('\n'));
    },
  );

  withRemoteOptions(flag.command('list').description('flags with their state per environment and who changed them last, and why').option('--env <environment>', 'one environment'))
    .action(async (flags: RemoteFlags & { env?: string }) => {
      const query = flags.env ? `?environment=${encodeURIComponent(flags.env)}` : '';
      const { flags: rows } = await clientFor(context, flags).get<{ flags: StoredFlag[] }>(`/v1/flags${query}`);
      print(context, flags, { flags: rows }, () =>
        rows.length === 0
          ? 'no flags yet: stepwise flag create <name>'
          : renderTable(
              ['FLAG', 'ENVIRONMENT', 'STATE', 'RULES', 'CHANGED BY', 'WHY'],
              rows.map((row) => [row.name, row.environment, stateOf(row.definition), rulesOf(row.definition), row.updatedBy, row.updateReason ?? '']),
            ),
      );
    });

  registerFlagEval(flag, context);
  registerFlagHistory(flag, context);
  registerFlagImport(flag, context);
};

interface SetFlags {
  readonly on?: boolean;
  readonly off?: boolean;
  readonly revive?: boolean;
  readonly file?: string;
  readonly whenRolledOut?: string[];
  readonly offIfOlder?: string[];
  /** False when --no-conditions was given. */
  readonly conditions?: boolean;
}

function changeCommand(parent: Command, spec: string, description: string): Command {
  return withRemoteOptions(
    parent
      .command(spec)
      .description(description)
      .option('--env <environment>', 'the environment')
      .requiredOption('--reason <text>', 'why: kept in the flag history and the audit log'),
  );
}

function requireEnv(flags: { env?: string }): string {
  if (!flags.env) throw new StepwiseError('BAD_INPUT', 'say which environment with --env', { pointer: '--env' });
  return flags.env;
}

function setChanges(context: CliContext, flags: SetFlags): FlagChange[] {
  if (flags.on && flags.off) throw new StepwiseError('BAD_INPUT', '--on and --off contradict each other: give one');
  const changes: FlagChange[] = [];
  if (flags.revive) changes.push({ kind: 'revive' });
  const update: { -readonly [K in keyof Extract<FlagChange, { kind: 'update' }>]: Extract<FlagChange, { kind: 'update' }>[K] } = { kind: 'update' };
  if (flags.file) Object.assign(update, readDefinitionFile(context, flags.file));
  if (flags.on) update.enabled = true;
  if (flags.off) update.enabled = false;
  const conditions: DeploymentCondition[] = [
    ...(flags.whenRolledOut ?? []).map((value) => parseConditionOption('fully-rolled-out', '--when-rolled-out', value)),
    ...(flags.offIfOlder ?? []).map((value) => parseConditionOption('no-live-older-than', '--off-if-older', value)),
  ];
  if (conditions.length > 0 && flags.conditions === false) throw new StepwiseError('BAD_INPUT', '--no-conditions contradicts the conditions given');
  if (conditions.length > 0) update.conditions = conditions;
  if (flags.conditions === false) update.conditions = [];
  if (Object.keys(update).length > 1) changes.push(update);
  return changes;
}

const DEFINITION_FIELDS = new Set(['enabled', 'strategies', 'variants', 'conditions']);

function readDefinitionFile(context: CliContext, file: string): Partial<FlagDefinition> {
  const path = resolve(context.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StepwiseError('BAD_INPUT', `cannot read ${file}: ${(error as Error).message}`, { file });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new StepwiseError('BAD_INPUT', `${file}${line ? `:${line}` : ''}: not valid JSON (${(error as Error).message})`, { file, ...(line ? { line } : {}) });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new StepwiseError('BAD_INPUT', `${file}: expected a JSON object`, { file });
  for (const key of Object.keys(value)) {
    if (!DEFINITION_FIELDS.has(key)) throw new StepwiseError('BAD_INPUT', `${file}: unknown field "${key}"; use ${[...DEFINITION_FIELDS].join(', ')}`, { file, pointer: `/${key}` });
  }
  return value as Partial<FlagDefinition>;
}

async function sendChange(client: ApiClient, name: string, environment: string, change: FlagChange, reason: string) {
  return client.post<{ flag: StoredFlag; changed: boolean }>(
    `/v1/environments/${encodeURIComponent(environment)}/flags/${encodeURIComponent(name)}/changes`,
    { change, reason },
  );
}

function describe(flag: StoredFlag, changed: boolean): string {
  const state = `${flag.name} in ${flag.environment}: ${stateOf(flag.definition)}${flag.definition.strategies.length > 0 ? `, ${rulesOf(flag.definition)}` : ''}`;
  return changed ? `${state} (revision ${flag.revision}, by ${flag.updatedBy}: ${flag.updateReason ?? ''})` : `${state} (unchanged)`;
}

function stateOf(definition: FlagDefinition): string {
  if (definition.killed) return 'killed';
  return definition.enabled ? 'on' : 'off';
}

function rulesOf(definition: FlagDefinition): string {
  const parts = definition.strategies.map((strategy) =>
    strategy.name === 'flexibleRollout'
      ? `${strategy.parameters?.rollout ?? 100}% by ${strategy.parameters?.stickiness ?? 'default'}${(strategy.constraints ?? []).length > 0 ? ' where …' : ''}`
      : (strategy.constraints ?? []).length > 0 ? 'targeted' : 'everyone',
  );
  if ((definition.variants ?? []).length > 0) parts.push(`variants ${definition.variants!.map((variant) => variant.name).join('/')}`);
  for (const condition of definition.conditions ?? []) {
    parts.push(condition.kind === 'fully-rolled-out' ? `while ${condition.service}@>=${condition.version}` : `off if ${condition.service}<${condition.version}`);
  }
  return parts.join('; ') || 'everyone';
}
