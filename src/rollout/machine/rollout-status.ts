import type { AnalysisResult } from '../analysis/analyse-window.ts';

export type RolloutPhase = 'queued' | 'progressing' | 'paused' | 'promoting' | 'aborting' | 'succeeded' | 'rolled-back';

export type AbortReason =
  | 'requested'
  | 'analysis-failed'
  | 'canary-crashed'
  | 'canary-unhealthy'
  | 'canary-never-healthy'
  | 'control-plane-restarted';

/**
 * Everything about a rollout's progress. Nothing lives in memory between passes: the position
 * is this record plus the spec. Times are ISO strings so the record is plain JSON.
 */
export interface RolloutStatus {
  readonly phase: RolloutPhase;
  /** Index into the spec's steps; equal to their count once all are done. */
  readonly stepIndex: number;
  readonly stepsHash: string;
  readonly stepStartedAt: string | null;
  /** Share of traffic (0..100) the new version should get in the current step. */
  readonly canaryWeight: number;
  readonly pause: { readonly reason: 'until-promoted' | 'inconclusive'; readonly since: string } | null;
  readonly abort: { readonly reason: AbortReason; readonly message: string; readonly at: string } | null;
  /** How many promote requests have been acted on (requests are counted, so each acts once). */
  readonly promotesHandled: number;
  /** The target incarnation last seen: a different one means the control plane restarted. */
  readonly incarnation: string | null;
  /** When the old version may be stopped after the switch. */
  readonly scaleDownAt: string | null;
  readonly lastAnalysis: AnalysisResult | null;
  readonly message: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export const TERMINAL_PHASES: ReadonlySet<RolloutPhase> = new Set(['succeeded', 'rolled-back']);

export function initialStatus(hash: string, message = 'queued'): RolloutStatus {
  return {
    phase: 'queued',
    stepIndex: 0,
    stepsHash: hash,
    stepStartedAt: null,
    canaryWeight: 0,
    pause: null,
    abort: null,
    promotesHandled: 0,
    incarnation: null,
    scaleDownAt: null,
    lastAnalysis: null,
    message,
    startedAt: null,
    finishedAt: null,
  };
}
