/**
 * When a new version's measurements count as worse than the stable one's. The defaults are
 * chosen so a burst of errors is caught within about a second at modest traffic: a failure needs
 * either `minRequests` requests or `minFailures` errors in the window, whichever comes first.
 */
export interface AnalysisThresholds {
  /** Highest acceptable share of errors (5xx and connection errors), 0..1. */
  readonly maxErrorRate: number;
  /** Fewer requests than this in a window (and fewer than `minFailures` errors) is inconclusive. */
  readonly minRequests: number;
  /** This many errors above the rate are conclusive even below `minRequests`. */
  readonly minFailures: number;
  /** Absolute p99 ceiling in milliseconds, if any. */
  readonly maxP99Ms?: number;
  /** The new p99 may be at most this multiple of the stable p99 ... */
  readonly maxP99Ratio: number;
  /** ... once it is above this floor (small latencies are too noisy to compare). */
  readonly latencyFloorMs: number;
  /** Length of the sliding window checked on every pass for an early failure. */
  readonly windowMs: number;
}

export const DEFAULT_THRESHOLDS: AnalysisThresholds = {
  maxErrorRate: 0.05,
  minRequests: 20,
  minFailures: 5,
  maxP99Ratio: 3,
  latencyFloorMs: 50,
  windowMs: 5_000,
};
