import type { AnalysisThresholds } from './analysis-thresholds.ts';
import { errorRate, type MetricsWindow } from './metrics-window.ts';

export type AnalysisOutcome = 'pass' | 'fail' | 'inconclusive';

export interface AnalysisResult {
  readonly outcome: AnalysisOutcome;
  /** One sentence with the figures that decided it. */
  readonly reason: string;
  readonly canary: MetricsWindow;
  readonly stable: MetricsWindow | null;
}

const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/**
 * Judges the new version's window against the thresholds and the stable version's window.
 * Order matters: a conclusive failure wins over too little traffic, so a version failing every
 * request is caught after `minFailures` errors rather than after `minRequests` requests.
 */
export function analyseWindow(
  thresholds: AnalysisThresholds,
  canary: MetricsWindow,
  stable: MetricsWindow | null,
  /** The sliding-window check judges errors only: a freshly started process is slow for its first requests. */
  options: { readonly latency: boolean } = { latency: true },
): AnalysisResult {
  const result = (outcome: AnalysisOutcome, reason: string): AnalysisResult => ({ outcome, reason, canary, stable });
  const rate = errorRate(canary);
  const enoughRequests = canary.requests >= thresholds.minRequests;
  if (rate > thresholds.maxErrorRate && (enoughRequests || canary.errors >= thresholds.minFailures)) {
    return result(
      'fail',
      `error rate ${pct(rate)} (${canary.errors} of ${canary.requests} requests) is above ${pct(thresholds.maxErrorRate)}` +
        (stable && stable.requests > 0 ? `; stable: ${pct(errorRate(stable))}` : ''),
    );
  }
  if (!enoughRequests) {
    return result('inconclusive', `${canary.requests} requests reached the new version; analysis needs ${thresholds.minRequests}`);
  }
  const p99 = canary.p99Ms ?? 0;
  if (!options.latency) return result('pass', `error rate ${pct(rate)} over ${canary.requests} requests`);
  if (thresholds.maxP99Ms !== undefined && p99 > thresholds.maxP99Ms) {
    return result('fail', `p99 latency ${p99.toFixed(1)} ms is above ${thresholds.maxP99Ms} ms`);
  }
  const stableP99 = stable && stable.requests >= thresholds.minRequests ? stable.p99Ms : null;
  if (stableP99 !== null && p99 > thresholds.latencyFloorMs && p99 > stableP99 * thresholds.maxP99Ratio) {
    return result(
      'fail',
      `p99 latency ${p99.toFixed(1)} ms is more than ${thresholds.maxP99Ratio}x the stable ${stableP99.toFixed(1)} ms`,
    );
  }
  return result('pass', `error rate ${pct(rate)} over ${canary.requests} requests, p99 ${p99.toFixed(1)} ms`);
}
