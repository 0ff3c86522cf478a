import { StepwiseError } from '../../model/errors.ts';
import type { RolloutView } from '../../rollout/runner/rollout-view.ts';
import type { RolloutEvent } from '../../rollout/runner/rollout-store.ts';
import type { CliContext, RegisterCommand } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { renderRollout, renderRolloutLine } from './render-rollout.ts';
import { readServerSentEvents } from '../../http/server-sent-events.ts';

interface StartFlags extends RemoteFlags {
  readonly service: string;
  readonly version: string;
  readonly env: string;
  readonly allowUnknown?: boolean;
  readonly watch?: boolean;
}

interface StatusFlags extends RemoteFlags {
  readonly env?: string;
  readonly service?: string;
  readonly watch?: boolean;
}

const TERMINAL = new Set(['succeeded', 'rolled-back']);

function parseId(text: string): number {
  const id = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) throw new StepwiseError('BAD_INPUT', `expected a rollout id like 12, not "${text}"`);
  return id;
}

/** `stepwise rollout start|status|promote|abort`: progressive delivery through the API. */
export const registerRollout: RegisterCommand = (program, context) => {
  const rollout = program.command('rollout').description('progressive rollouts: start, follow, promote, abort');

  withRemoteOptions(
    rollout
      .command('start')
      .description('start a rollout (refused unless can-i-deploy says yes)')
      .requiredOption('--service <name>', 'service to roll out')
      .requiredOption('--version <version>', 'published version to roll out')
      .requiredOption('--env <environment>', 'environment')
      .option('--allow-unknown', 'start even when can-i-deploy cannot tell (a version without contracts)')
      .option('--watch', 'follow the rollout until it ends'),
  ).action(async (flags: StartFlags) => {
    const client = clientFor(context, flags);
    const started = await client.post<{ rollout: RolloutView; verdict: string; ahead: number }>(`/v1/environments/${encodeURIComponent(flags.env)}/rollouts`, {
      service: flags.service,
      version: flags.version,
      ...(flags.allowUnknown ? { allowUnknown: true } : {}),
    });
    if (flags.watch) return watch(context, flags, started.rollout.id);
    print(context, flags, started, () =>
      [`started rollout #${started.rollout.id} of ${flags.service}@${flags.version} in ${flags.env} (can-i-deploy: ${started.verdict})`, started.ahead > 0 ? started.rollout.status.message : '', `follow it: stepwise rollout status ${started.rollout.id} --watch`]
        .filter(Boolean)
        .join('\n'),
    );
  });

  withRemoteOptions(
    rollout
      .command('status [id]')
      .description('show one rollout, or the recent ones')
      .option('--env <environment>', 'only this environment')
      .option('--service <name>', 'only this service')
      .option('--watch', 'live view until the rollout ends'),
  ).action(async (id: string | undefined, flags: StatusFlags) => {
    const client = clientFor(context, flags);
    if (id === undefined) {
      const query = new URLSearchParams({ ...(flags.env ? { environment: flags.env } : {}), ...(flags.service ? { service: flags.service } : {}) });
      const { rollouts } = await client.get<{ rollouts: RolloutView[] }>(`/v1/rollouts?${query}`);
      if (flags.watch) {
        const active = rollouts.find((one) => !TERMINAL.has(one.phase));
        if (!active) throw new StepwiseError('NOT_FOUND', 'no rollout in progress to watch');
        return watch(context, flags, active.id);
      }
      print(context, flags, { rollouts }, () => (rollouts.length === 0 ? 'no rollouts' : rollouts.map(renderRolloutLine).join('\n')));
      return;
    }
    if (flags.watch) return watch(context, flags, parseId(id));
    const one = await client.get<RolloutView>(`/v1/rollouts/${parseId(id)}`);
    print(context, flags, one, () => renderRollout(one));
    if (one.phase === 'rolled-back') context.exit(1);
  });

  for (const action of ['promote', 'abort'] as const) {
    const command = rollout
      .command(`${action} <id>`)
      .description(action === 'promote' ? 'go past the current step or pause (--full: skip every remaining step)' : 'roll back to the stable version');
    if (action === 'promote') command.option('--full', 'skip every remaining step');
    else command.option('--reason <text>', 'why, for the history and the audit log');
    withRemoteOptions(command).action(async (id: string, flags: RemoteFlags & { full?: boolean; reason?: string }) => {
      const client = clientFor(context, flags);
      const body = action === 'promote' ? { full: flags.full === true } : flags.reason ? { reason: flags.reason } : {};
      const updated = await client.post<RolloutView>(`/v1/rollouts/${parseId(id)}/${action}`, body);
      print(context, flags, updated, () => `${action === 'promote' ? 'promote' : 'abort'} requested for rollout #${updated.id}; the runner acts on its next pass`);
    });
  }
};

/**
 * Follows a rollout's server-sent events. On a terminal the view is redrawn in place; otherwise
 * (or with --json) each change is printed as it comes. Exits 0 when promoted, 1 when rolled back.
 */
async function watch(context: CliContext, flags: RemoteFlags, id: number): Promise<void> {
  const client = clientFor(context, flags);
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  const token = flags.token ?? context.env.STEPWISE_TOKEN;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${client.url}/v1/rollouts/${id}/events`, { headers }).catch((error: Error) => {
    throw new StepwiseError('UNAVAILABLE', `cannot reach the Stepwise server at ${client.url} (${error.message})`);
  });
  if (!response.ok || !response.body) {
    await client.get(`/v1/rollouts/${id}`); // throws the server's error
    throw new StepwiseError('INTERNAL', `the event stream answered HTTP ${response.status}`);
  }
  const live = !flags.json && process.stdout.isTTY === true;
  const events: RolloutEvent[] = [];
  let last: RolloutView | undefined;
  let drawn = 0;
  for await (const { event: kind, data } of readServerSentEvents(response.body)) {
    const payload = JSON.parse(data) as RolloutView | RolloutEvent;
    if (flags.json) {
      context.stdout(`${JSON.stringify({ event: kind, data: payload })}\n`);
      if (kind === 'rollout') last = payload as RolloutView;
      continue;
    }
    if (kind === 'transition') {
      events.push(payload as RolloutEvent);
      if (!live) context.stdout(`${(payload as RolloutEvent).at.slice(11, 23)}  ${(payload as RolloutEvent).kind.padEnd(13)} ${(payload as RolloutEvent).message}\n`);
    } else {
      last = payload as RolloutView;
    }
    if (live && last) {
      const text = renderRollout(last, events);
      context.stdout(`${drawn > 0 ? `\x1b[${drawn}F\x1b[J` : ''}${text}\n`);
      drawn = text.split('\n').length;
    }
  }
  if (last && !live && !flags.json) context.stdout(`${renderRollout(last, events)}\n`);
  if (last?.phase === 'rolled-back') context.exit(1);
}
