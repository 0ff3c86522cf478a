/**
 * The nearest-rank percentile (`p` in 0..1) of a list, or null for an empty list: the smallest
 * value with at least `p` of the values at or below it. Nearest-rank always answers with a value
 * that was observed, so a median of lead times is a lead time someone actually had.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}
