import type { RolloutSpec } from './rollout-spec.ts';
import type { RolloutStatus } from './rollout-status.ts';

/** The two metric windows a pass needs, in epoch ms: the sliding one and the current step's. */
export function analysisWindows(
  spec: RolloutSpec,
  status: RolloutStatus,
  nowMs: number,
): { readonly recent: { fromMs: number; toMs: number }; readonly step: { fromMs: number; toMs: number } } {
  const stepFrom = status.stepStartedAt === null ? nowMs : Date.parse(status.stepStartedAt);
  return { recent: { fromMs: nowMs - spec.analysis.windowMs, toMs: nowMs }, step: { fromMs: stepFrom, toMs: nowMs } };
}
