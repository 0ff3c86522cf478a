import type { RegisterCommand } from '../command.ts';
import { decide } from '../../decide/decide.ts';
import { PairChecker } from '../../decide/pair-checker.ts';
import { StepwiseError } from '../../model/errors.ts';
import { planChanges } from '../../plan/plan-changes.ts';
import type { Plan, PlanTarget } from '../../plan/plan.ts';
import { clientFor, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { loadOfflineInputs } from './plan/load-offline-inputs.ts';
import { parseTargets } from './plan/parse-targets.ts';
import { planExitCode, planFormat, renderPlan, type PlanFormat } from './plan/render-plan.ts';

interface PlanFlags extends RemoteFlags {
  readonly env: string[];
  readonly target: string[];
  readonly remove: string[];
  readonly offline?: string[];
  readonly state?: string;
  readonly format: string;
}

/** What the server answers to POST /v1/plans. */
export interface StoredPlanResponse {
  readonly id: string;
  readonly createdAt: string;
  readonly plan: Plan;
}

/**
 * `stepwise plan`: the technical schedule for a change across services — the order in which each
 * target can go out alone, the flags to flip, and where no order exists, the lock-step groups and
 * the expand/contract versions that would break them. Online it asks the server, which stores the
 * plan; `--offline` plans from service directories on disk.
 */
export const registerPlan: RegisterCommand = (program, context) => {
  withRemoteOptions(
    program
      .command('plan')
      .description('order a multi-service change into safe single-service steps (exit 0 plan, 1 lock-step, 3 bad input)')
      .requiredOption('--env <environment>', 'environment to plan for; repeat for several, in order', collect, [])
      .option('--target <service@version>', 'a version to reach (service@- removes the service); repeat', collect, [])
      .option('--remove <service>', 'a service to remove; repeat', collect, [])
      .option('--offline <paths...>', 'plan without a server from these service directories (one version each; name them service@version)')
      .option('--state <file>', 'with --offline: YAML file with each environment\'s live versions, flags and past versions (default: empty)')
      .option('--format <format>', 'text, json, markdown or mermaid', 'text'),
  ).action(async (flags: PlanFlags) => {
    const format: PlanFormat = flags.json ? 'json' : planFormat(flags.format);
    const targets = parseTargets(flags.target, flags.remove);
    if (flags.env.length === 0) throw new StepwiseError('BAD_INPUT', 'name at least one --env environment');
    if (flags.state && !flags.offline) throw new StepwiseError('BAD_INPUT', '--state only applies with --offline; online, the server knows each environment');
    if (flags.offline) {
      const plan = await planOffline({ paths: flags.offline, targets, environments: flags.env, cwd: context.cwd, ...(flags.state ? { stateFile: flags.state } : {}) });
      context.stdout(renderPlan(plan, format));
      context.exit(planExitCode(plan));
      return;
    }
    const client = clientFor(context, flags);
    const stored = await client.post<StoredPlanResponse>('/v1/plans', { environments: flags.env, targets });
    context.stdout(renderPlan(stored.plan, format, { id: stored.id, createdAt: stored.createdAt }));
    context.exit(planExitCode(stored.plan));
  });
};

/** The offline handler: loaders read the directories and the state; the pure planner does the rest. */
export async function planOffline(options: { paths: readonly string[]; targets: readonly PlanTarget[]; environments: readonly string[]; cwd: string; stateFile?: string }): Promise<Plan> {
  const inputs = await loadOfflineInputs({ ...options, now: new Date().toISOString() });
  const checker = new PairChecker();
  return planChanges({ environments: inputs.snapshots, versions: inputs.versions, targets: options.targets, decide: (input) => decide({ ...input, checker }), checker }).plan;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
