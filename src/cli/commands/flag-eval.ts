import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { FlagEvaluation } from '../../flags/evaluate/evaluate-flag.ts';
import type { EvaluationContext } from '../../flags/evaluate/flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { ApiClient } from '../client.ts';
import type { CliContext } from '../command.ts';
import { clientFor, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { parseContextLines } from './flag-contexts.ts';

interface EvalFlags extends RemoteFlags {
  readonly env: string;
  readonly contexts?: string;
  readonly context?: string;
}

const BATCH = 5000;

/** `stepwise flag eval NAME --env E --contexts FILE.jsonl [--json]`: one answer per context line. */
export function registerFlagEval(flag: Command, context: CliContext): void {
  withRemoteOptions(
    flag
      .command('eval <name>')
      .description('evaluate a flag for each context of a JSON Lines file (or one --context); with --json one JSON line per context')
      .requiredOption('--env <environment>', 'the environment')
      .option('--contexts <file.jsonl>', 'one JSON context per line, e.g. {"userId": "u1"}')
      .option('--context <json>', 'a single context as JSON'),
  ).action(async (name: string, flags: EvalFlags) => {
    const contexts = loadContexts(context, flags);
    const lines = await evaluateContexts(clientFor(context, flags), name, flags.env, contexts);
    for (const line of lines) {
      context.stdout(
        flags.json
          ? `${JSON.stringify({ flag: line.flag, enabled: line.enabled, variant: line.variant, reason: line.reason })}\n`
          : `${line.flag}  ${line.enabled ? 'on ' : 'off'}  ${line.variant}  ${line.reason}\n`,
      );
    }
  });
}

function loadContexts(context: CliContext, flags: EvalFlags): EvaluationContext[] {
  if (flags.contexts && flags.context) throw new StepwiseError('BAD_INPUT', 'give --contexts or --context, not both');
  if (flags.context) return parseContextLines(flags.context, '--context');
  if (!flags.contexts) throw new StepwiseError('BAD_INPUT', 'give the contexts: --contexts FILE.jsonl or --context JSON');
  let text: string;
  try {
    text = readFileSync(resolve(context.cwd, flags.contexts), 'utf8');
  } catch (error) {
    throw new StepwiseError('BAD_INPUT', `cannot read ${flags.contexts}: ${(error as Error).message}`, { file: flags.contexts });
  }
  return parseContextLines(text, flags.contexts);
}

/**
 * The flag must exist (an unknown name is an error here, where a person typed it; SDKs get the
 * OpenFeature default instead). Contexts go to the bulk endpoint in batches, answers come back in order.
 */
export async function evaluateContexts(client: ApiClient, name: string, environment: string, contexts: readonly EvaluationContext[]): Promise<FlagEvaluation[]> {
  const base = `/v1/environments/${encodeURIComponent(environment)}/flags`;
  await client.get(`${base}/${encodeURIComponent(name)}`);
  const answers: FlagEvaluation[] = [];
  for (let start = 0; start < contexts.length; start += BATCH) {
    const { results } = await client.post<{ results: FlagEvaluation[][] }>(`${base}/evaluate`, { contexts: contexts.slice(start, start + BATCH), flags: [name] });
    for (const row of results) answers.push(row[0]!);
  }
  return answers;
}
