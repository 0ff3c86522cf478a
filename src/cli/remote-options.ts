import type { Command } from 'commander';
import { apiClient, type ApiClient } from './client.ts';
import type { CliContext } from './command.ts';

export interface RemoteFlags {
  readonly url?: string;
  readonly token?: string;
  readonly json?: boolean;
}

/** Adds `--url`, `--token` and `--json` to a command that talks to the server. */
export function withRemoteOptions(command: Command): Command {
  return command
    .option('--url <url>', 'server address (default: STEPWISE_URL or http://127.0.0.1:4400)')
    .option('--token <token>', 'API token (default: STEPWISE_TOKEN)')
    .option('--json', 'print machine-readable JSON');
}

export function clientFor(context: CliContext, flags: RemoteFlags): ApiClient {
  return apiClient(context, { ...(flags.url ? { url: flags.url } : {}), ...(flags.token ? { token: flags.token } : {}) });
}

/** Prints JSON with --json, the human rendering otherwise. */
export function print(context: CliContext, flags: { json?: boolean }, data: unknown, human: () => string): void {
  context.stdout(flags.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}
