import type { CoDeployment } from '../../insights/co-deployments.ts';
import type { ServiceDelivery } from '../../insights/delivery-metrics.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { RegisterCommand } from '../command.ts';
import { renderTable } from '../render-table.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';
import { formatDuration } from '../../insights/format-duration.ts';

const DAY = 24 * 60 * 60 * 1000;

/** What GET /v1/environments/:environment/insights answers. */
export interface InsightsView {
  readonly environment: string;
  readonly period: { readonly since: string; readonly until: string };
  readonly reworkWindowMinutes: number;
  readonly coDeployWindowMinutes: number;
  readonly services: readonly ServiceDelivery[];
  readonly coDeployments: readonly CoDeployment[];
}

interface InsightsFlags extends RemoteFlags {
  readonly env: string;
  readonly since?: string;
  readonly until?: string;
  readonly reworkWindow?: string;
}

/** `stepwise insights`: delivery metrics per service in an environment, and who deploys in lock-step. */
export const registerInsights: RegisterCommand = (program, context) => {
  withRemoteOptions(
    program
      .command('insights')
      .description('delivery metrics per service (deployment frequency, lead time, change failure rate, time to restore, rework) and services that deploy together')
      .requiredOption('--env <environment>', 'environment')
      .option('--since <date>', 'start of the period: a date, a timestamp, or days back like 7d (default: 30 days before --until)')
      .option('--until <date>', 'end of the period: a date, a timestamp, or days back like 1d (default: now)')
      .option('--rework-window <minutes>', 'a deployment this soon after the previous one counts as rework (default: 240)'),
  ).action(async (flags: InsightsFlags) => {
    const query = new URLSearchParams();
    const now = Date.now();
    if (flags.since !== undefined) query.set('since', timeOption('--since', flags.since, now));
    if (flags.until !== undefined) query.set('until', timeOption('--until', flags.until, now));
    if (flags.reworkWindow !== undefined) {
      const minutes = Number(flags.reworkWindow);
      if (!Number.isInteger(minutes) || minutes < 1) throw new StepwiseError('BAD_INPUT', `--rework-window must be a whole number of minutes, not "${flags.reworkWindow}"`);
      query.set('reworkWindow', String(minutes));
    }
    const suffix = query.size === 0 ? '' : `?${query}`;
    const view = await clientFor(context, flags).get<InsightsView>(`/v1/environments/${encodeURIComponent(flags.env)}/insights${suffix}`);
    print(context, flags, view, () => renderInsights(view));
  });
};

/** A date (`2026-03-01`, midnight UTC), a timestamp, or `<n>d` days before `now`, as an ISO timestamp. */
export function timeOption(flag: string, text: string, now: number): string {
  const daysBack = /^(\d+)d$/.exec(text);
  const at = daysBack ? new Date(now - Number(daysBack[1]) * DAY) : new Date(text);
  if (Number.isNaN(at.getTime())) throw new StepwiseError('BAD_INPUT', `${flag} "${text}" is not a date, a timestamp or a number of days like 7d`);
  return at.toISOString();
}

export function renderInsights(view: InsightsView): string {
  const days = (Date.parse(view.period.until) - Date.parse(view.period.since)) / DAY;
  const lines = [`${view.environment}: ${view.period.since} to ${view.period.until} (${round(days)} days)`, ''];
  if (view.services.length === 0) lines.push('nothing was deployed here by the end of the period');
  else {
    lines.push(
      renderTable(
        ['SERVICE', 'DEPLOYS', 'PER WEEK', 'LEAD TIME (MEDIAN / P90)', 'CHANGE FAILURE', 'TIME TO RESTORE', 'REWORK'],
        view.services.map((s) => [
          s.service,
          String(s.deployments),
          round(s.perWeek),
          s.leadTime.measured === 0 ? '-' : `${duration(s.leadTime.median)} / ${duration(s.leadTime.p90)}`,
          s.changeFailureRate === null ? '-' : `${percent(s.changeFailureRate)} (${s.failures})`,
          s.timeToRestore.median === null ? (s.timeToRestore.unrestored > 0 ? `not yet (${s.timeToRestore.unrestored})` : '-') : duration(s.timeToRestore.median),
          s.reworkRate === null ? '-' : `${percent(s.reworkRate)} (${s.reworks})`,
        ]),
      ),
    );
  }
  lines.push('');
  if (view.coDeployments.length === 0) lines.push('no services deploy together');
  else {
    lines.push(`deploy together (within ${view.coDeployWindowMinutes} minutes):`);
    for (const pair of view.coDeployments) lines.push(`  ${pair.services.join(' + ')}: ${pair.together} times, ${percent(pair.ratio)} of their deployments`);
  }
  lines.push('', `rework: a deployment within ${view.reworkWindowMinutes} minutes of the one before; lead time: publish to first deployment (docs/insights.md)`);
  return lines.join('\n');
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function percent(ratio: number): string {
  return `${round(ratio * 100)}%`;
}

export function duration(ms: number | null): string {
  return ms === null ? '-' : formatDuration(ms);
}
