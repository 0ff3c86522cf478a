import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidArgumentError } from 'commander';
import type { RegisterCommand } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { ignoresOf, withIgnoreOptions, type IgnoreFlags } from './can-i-deploy/ignore-option.ts';
import { exitCodeOf, renderVerdict, type VerdictResponse } from './can-i-deploy/render-verdict.ts';

interface CanIDeployFlags extends RemoteFlags, IgnoreFlags {
  readonly service: string;
  readonly version: string;
  readonly to: string;
  readonly target?: string;
  readonly retryWhileUnknown: number;
  readonly retryInterval: number;
}

/**
 * `stepwise can-i-deploy`: asks the server whether a version can go to an environment now, on its
 * own. Exits 0 yes, 1 no, 2 unknown, 3 on error; `--retry-while-unknown` waits for missing facts
 * (a version still being published, say) before giving up.
 */
export const registerCanIDeploy: RegisterCommand = (program, context) => {
  withIgnoreOptions(
    withRemoteOptions(
      program
        .command('can-i-deploy')
        .description('can this version go to this environment now, on its own? (exit 0 yes, 1 no, 2 unknown, 3 error)')
        .requiredOption('--service <service>', 'service name')
        .requiredOption('--version <version>', 'version to deploy')
        .requiredOption('--to <environment>', 'environment')
        .option('--target <target>', 'the target it replaces (default: every deployed version of the service)')
        .option('--retry-while-unknown <count>', 'ask again up to this many times while the answer is unknown', count, 0)
        .option('--retry-interval <seconds>', 'seconds between retries', count, 10),
    ),
  ).action(async (flags: CanIDeployFlags) => {
    const ignores = ignoresOf(flags);
    const client = clientFor(context, flags);
    const body = { service: flags.service, version: flags.version, environment: flags.to, ...(flags.target ? { target: flags.target } : {}), ...(ignores.length ? { ignores } : {}) };
    let result = await client.post<VerdictResponse>('/v1/can-i-deploy', body);
    for (let attempt = 1; result.verdict === 'unknown' && attempt <= flags.retryWhileUnknown; attempt++) {
      context.stderr(`unknown; asking again in ${flags.retryInterval}s (${attempt}/${flags.retryWhileUnknown})\n`);
      await sleep(flags.retryInterval * 1000);
      result = await client.post<VerdictResponse>('/v1/can-i-deploy', body);
    }
    print(context, flags, { verdict: result.verdict, reasons: result.reasons, service: result.service, version: result.version, environment: result.environment, at: result.at }, () => renderVerdict(result));
    context.exit(exitCodeOf(result.verdict));
  });
};

function count(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return value;
}
