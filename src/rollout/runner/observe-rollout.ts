import { analysisWindows } from '../machine/analysis-windows.ts';
import type { RolloutObservation } from '../machine/rollout-observation.ts';
import type { Target } from '../targets/target.ts';
import type { RolloutRecord } from './rollout-record.ts';

/** Gathers one pass's observation of a rollout from the target. */
export async function observeRollout(target: Target, rollout: RolloutRecord, admitted: boolean, nowMs: number): Promise<RolloutObservation> {
  const { service, version, stableVersion } = rollout;
  const seen = await target.observe(service, stableVersion === null ? [version] : [version, stableVersion]);
  const windows = analysisWindows(rollout.spec, rollout.status, nowMs);
  const window = (of: string | null, range: { fromMs: number; toMs: number }) =>
    of === null ? Promise.resolve({ requests: 0, errors: 0, p50Ms: null, p99Ms: null }) : target.metrics(service, of, range.fromMs, range.toMs);
  const [recentCanary, recentStable, stepCanary, stepStable] = await Promise.all([
    window(version, windows.recent),
    window(stableVersion, windows.recent),
    window(version, windows.step),
    window(stableVersion, windows.step),
  ]);
  return {
    incarnation: target.incarnation,
    admitted,
    stable: stableVersion === null ? null : (seen.versions[stableVersion] ?? { state: 'absent', healthy: false }),
    canary: seen.versions[version] ?? { state: 'absent', healthy: false },
    weights: { stable: stableVersion === null ? 0 : (seen.weights[stableVersion] ?? 0), canary: seen.weights[version] ?? 0 },
    previewing: seen.preview === version,
    recent: { canary: recentCanary, stable: recentStable },
    step: { canary: stepCanary, stable: stepStable },
  };
}
