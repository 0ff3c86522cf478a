import { DEFAULT_THRESHOLDS, type AnalysisThresholds } from '../analysis/analysis-thresholds.ts';

/**
 * One step of a rollout. Canary rollouts are lists of weight, pause and analysis steps; a
 * blue-green rollout is one preview step followed by the switch. Every strategy ends with the
 * promotion (all traffic to the new version, the old one stopped after `scaleDownDelayMs`).
 */
export type RolloutStep =
  | { readonly kind: 'weight'; readonly weight: number }
  /** Without a duration the rollout waits until promoted. */
  | { readonly kind: 'pause'; readonly durationMs?: number }
  /** Waits `durationMs`, then requires a conclusive pass over the whole step. */
  | { readonly kind: 'analysis'; readonly durationMs: number; readonly thresholds: AnalysisThresholds }
  /** Blue-green: the new version answers on the preview port only; no duration = until promoted. */
  | { readonly kind: 'preview'; readonly durationMs?: number };

export interface RolloutSpec {
  readonly strategy: 'canary' | 'blueGreen';
  readonly steps: readonly RolloutStep[];
  /** Thresholds of the sliding-window check made on every pass while the new version serves. */
  readonly analysis: AnalysisThresholds;
  /** How long the old version keeps running after the switch, ready to take traffic back. */
  readonly scaleDownDelayMs: number;
  /** How long a new version may take to become healthy. */
  readonly progressDeadlineMs: number;
  /** What happens to a rollout found in progress when the control plane starts again. */
  readonly onRestart: 'resume' | 'rollback';
  /** Keep a client on one version: by this request header, or this cookie. */
  readonly sticky: { readonly header?: string; readonly cookie?: string };
}

/** Works with no configuration: 10% then 50% of traffic, each judged for 30 s, then all. */
export const DEFAULT_ROLLOUT_SPEC: RolloutSpec = {
  strategy: 'canary',
  steps: [
    { kind: 'weight', weight: 10 },
    { kind: 'analysis', durationMs: 30_000, thresholds: DEFAULT_THRESHOLDS },
    { kind: 'weight', weight: 50 },
    { kind: 'analysis', durationMs: 30_000, thresholds: DEFAULT_THRESHOLDS },
  ],
  analysis: DEFAULT_THRESHOLDS,
  scaleDownDelayMs: 0,
  progressDeadlineMs: 30_000,
  onRestart: 'resume',
  sticky: {},
};

export const DEFAULT_BLUE_GREEN = { previewMs: 10_000, scaleDownDelayMs: 10_000 } as const;
