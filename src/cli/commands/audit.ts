import type { AuditEvent } from '../../store/audit/list-audit-events.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

interface AuditFlags extends RemoteFlags {
  readonly subject?: string;
  readonly action?: string;
  readonly actor?: string;
  readonly limit: string;
}

/** `stepwise audit`: who changed what, when, newest first. */
export const registerAudit: RegisterCommand = (program, context) => {
  withRemoteOptions(
    program
      .command('audit')
      .description('show the audit log, newest first')
      .option('--subject <subject>', 'e.g. service:writer@1.4.0 or environment:production')
      .option('--action <action>', 'e.g. version.published, deployment.deployed')
      .option('--actor <actor>', 'who made the change')
      .option('--limit <n>', 'how many events', '50'),
  ).action(async (flags: AuditFlags) => {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new StepwiseError('BAD_INPUT', `--limit must be between 1 and 1000, not "${flags.limit}"`);
    const query = new URLSearchParams({ limit: String(limit) });
    for (const key of ['subject', 'action', 'actor'] as const) if (flags[key]) query.set(key, flags[key]!);
    const { events } = await clientFor(context, flags).get<{ events: AuditEvent[] }>(`/v1/audit?${query}`);
    print(context, flags, { events }, () =>
      renderTable(['AT', 'ACTOR', 'ACTION', 'SUBJECT'], events.map((event) => [event.at, event.actor, event.action, event.subject])),
    );
  });
};
