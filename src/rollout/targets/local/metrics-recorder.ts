import type { MetricsWindow } from '../../analysis/metrics-window.ts';

const BUCKET_MS = 100;
const BUCKETS = 6_000; // ten minutes of history at 100 ms
// Latency bins grow by 10% from 50 µs: ~150 bins reach past a minute with ≤10% error per quantile.
const BIN_BASE_MS = 0.05;
const BIN_GROWTH = 1.1;
const BINS = 150;
const LOG_GROWTH = Math.log(BIN_GROWTH);

function binOf(latencyMs: number): number {
  if (latencyMs <= BIN_BASE_MS) return 0;
  return Math.min(BINS - 1, Math.ceil(Math.log(latencyMs / BIN_BASE_MS) / LOG_GROWTH));
}
const upperBoundOf = (bin: number): number => BIN_BASE_MS * BIN_GROWTH ** bin;

/**
 * Request counts, errors and a latency histogram per 100 ms bucket in a fixed ring, so recording
 * is O(1) with no allocation and any window of the last ten minutes can be summed.
 */
export class MetricsRecorder {
  private readonly stamps = new Float64Array(BUCKETS).fill(-1);
  private readonly requests = new Uint32Array(BUCKETS);
  private readonly errors = new Uint32Array(BUCKETS);
  private readonly histogram = new Uint32Array(BUCKETS * BINS);

  record(atMs: number, latencyMs: number, error: boolean): void {
    const stamp = Math.floor(atMs / BUCKET_MS);
    const slot = stamp % BUCKETS;
    if (this.stamps[slot] !== stamp) {
      this.stamps[slot] = stamp;
      this.requests[slot] = 0;
      this.errors[slot] = 0;
      this.histogram.fill(0, slot * BINS, slot * BINS + BINS);
    }
    this.requests[slot]!++;
    if (error) this.errors[slot]!++;
    this.histogram[slot * BINS + binOf(latencyMs)]!++;
  }

  /** Sums the buckets in [fromMs, toMs]. */
  window(fromMs: number, toMs: number): MetricsWindow {
    const first = Math.max(Math.floor(fromMs / BUCKET_MS), Math.floor(toMs / BUCKET_MS) - BUCKETS + 1);
    const last = Math.floor(toMs / BUCKET_MS);
    let requests = 0;
    let errors = 0;
    const bins = new Float64Array(BINS);
    for (let stamp = first; stamp <= last; stamp++) {
      const slot = stamp % BUCKETS;
      if (this.stamps[slot] !== stamp) continue;
      requests += this.requests[slot]!;
      errors += this.errors[slot]!;
      for (let bin = 0; bin < BINS; bin++) bins[bin]! += this.histogram[slot * BINS + bin]!;
    }
    if (requests === 0) return { requests, errors, p50Ms: null, p99Ms: null };
    return { requests, errors, p50Ms: quantile(bins, requests, 0.5), p99Ms: quantile(bins, requests, 0.99) };
  }
}

function quantile(bins: Float64Array, total: number, q: number): number {
  const rank = Math.ceil(total * q);
  let seen = 0;
  for (let bin = 0; bin < BINS; bin++) {
    seen += bins[bin]!;
    if (seen >= rank) return Math.round(upperBoundOf(bin) * 1000) / 1000;
  }
  return upperBoundOf(BINS - 1);
}
