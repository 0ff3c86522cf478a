import type { MetricsWindow } from '../analysis/metrics-window.ts';

/** What the target reports about one version of the service. */
export interface VersionObservation {
  /**
   * absent: not running in this target (never started, or stopped);
   * starting: launched, not yet healthy; running: launched and passing its health check
   * (`healthy` false once it fails repeatedly); exited: it was launched and ended by itself;
   * failed: it could not be launched (command not found, port in use).
   */
  readonly state: 'absent' | 'starting' | 'running' | 'exited' | 'failed';
  readonly healthy: boolean;
  /** Epoch ms when the target launched it. */
  readonly launchedAtMs?: number;
  /** Why it exited or failed, in words (exit code, signal, spawn error). */
  readonly detail?: string;
}

/** One pass's view of the world, gathered by the runner before calling the machine. */
export interface RolloutObservation {
  /** Changes whenever the target (the control plane hosting it) was started afresh. */
  readonly incarnation: string;
  /** Whether the environment's rollout cap lets this rollout run (queued ones wait). */
  readonly admitted: boolean;
  readonly stable: VersionObservation | null;
  readonly canary: VersionObservation;
  /** Weights the gateway applies now, in percent. */
  readonly weights: { readonly stable: number; readonly canary: number };
  /** Whether the preview route points at the new version. */
  readonly previewing: boolean;
  /** Metrics over the windows `analysisWindows()` asked for. */
  readonly recent: { readonly canary: MetricsWindow; readonly stable: MetricsWindow };
  readonly step: { readonly canary: MetricsWindow; readonly stable: MetricsWindow };
}

/** Commands from people, stored with the rollout and read on every pass. */
export interface RolloutRequests {
  /** Total promote requests so far; those above `status.promotesHandled` are new. */
  readonly promotes: number;
  /** Skip every remaining step. */
  readonly promoteFull: boolean;
  readonly abort: { readonly message: string } | null;
}
