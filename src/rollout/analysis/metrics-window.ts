/**
 * What the gateway measured for one version over one time window. Errors are 5xx responses
 * plus requests that never got a response (connection refused or reset, timeouts).
 */
export interface MetricsWindow {
  readonly requests: number;
  readonly errors: number;
  /** Null when there were no requests. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

export const EMPTY_WINDOW: MetricsWindow = { requests: 0, errors: 0, p50Ms: null, p99Ms: null };

export function errorRate(window: MetricsWindow): number {
  return window.requests === 0 ? 0 : window.errors / window.requests;
}
