import type { Command } from 'commander';
import type { FlagEvent } from '../../store/flags/list-flag-events.ts';
import type { CliContext } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

/** `stepwise flag history NAME --env E`: every change to the flag there, newest first, with who and why. */
export function registerFlagHistory(flag: Command, context: CliContext): void {
  withRemoteOptions(
    flag
      .command('history <name>')
      .description('every change to a flag in one environment, newest first: when, what, who and why')
      .requiredOption('--env <environment>', 'the environment')
      .option('--limit <n>', 'how many changes', '50'),
  ).action(async (name: string, flags: RemoteFlags & { env: string; limit: string }) => {
    const path = `/v1/environments/${encodeURIComponent(flags.env)}/flags/${encodeURIComponent(name)}/events?limit=${encodeURIComponent(flags.limit)}`;
    const { events } = await clientFor(context, flags).get<{ events: FlagEvent[] }>(path);
    print(context, flags, { events }, () =>
      renderTable(['WHEN', 'CHANGE', 'WHO', 'WHY'], events.map((event) => [event.at, event.action, event.actor, event.reason ?? ''])),
    );
  });
}
