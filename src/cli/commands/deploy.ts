import type { LiveVersion } from '../../model/snapshot.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { RegisterCommand } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { ignoresOf, withIgnoreOptions, type IgnoreFlags } from './can-i-deploy/ignore-option.ts';
import { describeLive } from './deployment-command.ts';
import { exitCodeOf, renderVerdict, type VerdictResponse } from './can-i-deploy/render-verdict.ts';

interface DeployFlags extends RemoteFlags, IgnoreFlags {
  readonly service: string;
  readonly version: string;
  readonly env: string;
  readonly target?: string;
  readonly check?: boolean;
  readonly release?: boolean;
}

type CheckedDeployment =
  | { deployed: false; decision: VerdictResponse }
  | { deployed: true; decision: VerdictResponse; deployment: { id: number; at: string; live: LiveVersion[] } };

/**
 * `stepwise deploy --check`: decides and records the deployment in one step under the
 * environment's lock, so two deployments that are each safe alone cannot race into an unsafe pair.
 * Records nothing unless the answer is yes. Exit 0 deployed, 1 no, 2 unknown, 3 error.
 */
export const registerDeploy: RegisterCommand = (program, context) => {
  withIgnoreOptions(
    withRemoteOptions(
      program
        .command('deploy')
        .description('check and record a deployment atomically (exit 0 deployed, 1 no, 2 unknown, 3 error)')
        .requiredOption('--service <service>', 'service name')
        .requiredOption('--version <version>', 'version to deploy')
        .requiredOption('--env <environment>', 'environment')
        .option('--target <target>', 'instance or region inside the environment (default: default)')
        .option('--check', 'decide first and record only on yes (required: use record-deployment to record without a check)')
        .option('--release', 'record a release (accumulates beside earlier ones) instead of a deployment'),
    ),
  ).action(async (flags: DeployFlags) => {
    if (!flags.check) {
      throw new StepwiseError('BAD_INPUT', 'stepwise deploy records only after a check: pass --check (or use record-deployment to record without one)', {
        pointer: '--check',
      });
    }
    const ignores = ignoresOf(flags);
    const result = await clientFor(context, flags).post<CheckedDeployment>(`/v1/environments/${encodeURIComponent(flags.env)}/checked-deployments`, {
      service: flags.service,
      version: flags.version,
      ...(flags.target ? { target: flags.target } : {}),
      ...(flags.release ? { kind: 'released' } : {}),
      ...(ignores.length ? { ignores } : {}),
    });
    print(context, flags, result, () => {
      const verdict = renderVerdict(result.decision);
      if (!result.deployed) return `${verdict}\n\nNot deployed: nothing was recorded.`;
      const live = result.deployment.live.map(describeLive).join(', ');
      return `${verdict}\n\nDeployed ${flags.service}@${flags.version} to ${flags.env} (event ${result.deployment.id}); live now: ${live}`;
    });
    context.exit(result.deployed ? 0 : exitCodeOf(result.decision.verdict));
  });
};
