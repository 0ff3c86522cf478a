import type { Command } from 'commander';
import type { LiveVersion } from '../../model/snapshot.ts';
import type { CliContext } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

interface DeploymentFlags extends RemoteFlags {
  readonly service: string;
  readonly version: string;
  readonly env: string;
  readonly target?: string;
}

/** The shared shape of `record-deployment`, `record-release` and `undeploy`: one event for the server. */
export function deploymentCommand(
  program: Command,
  context: CliContext,
  spec: { name: string; kind: 'deployed' | 'released' | 'undeployed'; description: string; target: string; done: string },
): void {
  withRemoteOptions(
    program
      .command(spec.name)
      .description(spec.description)
      .requiredOption('--service <service>', 'service name')
      .requiredOption('--version <version>', 'version')
      .requiredOption('--env <environment>', 'environment')
      .option('--target <target>', spec.target),
  ).action(async (flags: DeploymentFlags) => {
    const result = await clientFor(context, flags).post<{ id: number; at: string; live: LiveVersion[] }>(
      `/v1/environments/${encodeURIComponent(flags.env)}/deployments`,
      { service: flags.service, version: flags.version, kind: spec.kind, ...(flags.target ? { target: flags.target } : {}) },
    );
    print(context, flags, result, () => {
      const live = result.live.map(describeLive).join(', ') || 'nothing';
      return `${spec.done} ${flags.service}@${flags.version} in ${flags.env}; live now: ${live}`;
    });
  });
}

export function describeLive(entry: LiveVersion): string {
  return `${entry.version}${entry.target === 'default' ? '' : `@${entry.target}`}${entry.mode === 'released' ? ' (released)' : ''}`;
}
