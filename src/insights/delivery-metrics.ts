import type { DeliveryFacts } from './delivery-facts.ts';
import { deploymentHistory, type Deployment } from './deployment-history.ts';
import { percentile } from './percentile.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface DeliveryPeriod {
  /** Start and end of the period, milliseconds since the epoch, both included. */
  readonly since: number;
  readonly until: number;
  /** A deployment this soon after the service's previous one is a follow-up: rework. */
  readonly reworkWindowMs: number;
}

/** The delivery figures of one service in one environment over a period. Durations in milliseconds. */
export interface ServiceDelivery {
  readonly service: string;
  /** Deployments that started in the period. */
  readonly deployments: number;
  readonly perDay: number;
  readonly perWeek: number;
  /** Publish of a version to its first deployment in the environment; `measured` says over how many deployments. */
  readonly leadTime: { readonly median: number | null; readonly p90: number | null; readonly measured: number };
  readonly failures: number;
  /** failures / deployments; null without deployments. */
  readonly changeFailureRate: number | null;
  /** Failed deployment to healthy again; failures not restored by the end of the period are `unrestored`. */
  readonly timeToRestore: { readonly median: number | null; readonly restored: number; readonly unrestored: number };
  readonly reworks: number;
  /** reworks / deployments; null without deployments. */
  readonly reworkRate: number | null;
}

/**
 * Delivery metrics per service (the DORA four plus rework) from the environment's facts, for
 * every service deployed in the environment by the end of the period, sorted by name. Facts after
 * `until` are not looked at, so a period in the past reads the same later.
 */
export function deliveryMetrics(facts: DeliveryFacts, period: DeliveryPeriod): ServiceDelivery[] {
  return serviceDeliveries(deploymentHistory(facts, period.until), facts, period);
}

/** The same figures over an already derived history (so a caller that needs the history too derives it once). */
export function serviceDeliveries(history: readonly Deployment[], facts: DeliveryFacts, period: DeliveryPeriod): ServiceDelivery[] {
  const published = new Map(facts.published.map((entry) => [`${entry.service}@${entry.version}`, entry.at]));
  const days = Math.max(period.until - period.since, 1) / DAY;
  const byService = new Map<string, Deployment[]>();
  for (const deployment of history) {
    const list = byService.get(deployment.service) ?? [];
    byService.set(deployment.service, list);
    if (deployment.at >= period.since && deployment.at <= period.until) list.push(deployment);
  }
  return [...byService]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, list]) => {
      const leadTimes = list.flatMap((deployment) => {
        const at = published.get(`${service}@${deployment.version}`);
        // A version published after its deployment was first recorded by the deployment: its
        // publish time says nothing about how long the change waited.
        return deployment.first && at !== undefined && at <= deployment.at ? [deployment.at - at] : [];
      });
      const failed = list.filter((deployment) => deployment.failure !== null);
      const restores = failed.flatMap((deployment) => (deployment.restoredAt === null ? [] : [deployment.restoredAt - deployment.at]));
      const reworks = list.filter((deployment) => deployment.previousAt !== null && deployment.at - deployment.previousAt <= period.reworkWindowMs).length;
      const rate = (count: number) => (list.length === 0 ? null : count / list.length);
      return {
        service,
        deployments: list.length,
        perDay: list.length / days,
        perWeek: (list.length / days) * 7,
        leadTime: { median: percentile(leadTimes, 0.5), p90: percentile(leadTimes, 0.9), measured: leadTimes.length },
        failures: failed.length,
        changeFailureRate: rate(failed.length),
        timeToRestore: { median: percentile(restores, 0.5), restored: restores.length, unrestored: failed.length - restores.length },
        reworks,
        reworkRate: rate(reworks),
      };
    });
}
