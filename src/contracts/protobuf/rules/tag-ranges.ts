import type { TagRange } from '../proto-model.ts';

/** Parts of `previous` not covered by any of `current`, after merging overlapping or adjacent ranges. */
export function missingParts(previous: TagRange, current: readonly TagRange[]): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const range of [...current].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last[1] + 1) last[1] = Math.max(last[1], range.end);
    else merged.push([range.start, range.end]);
  }
  const missing: Array<[number, number]> = [];
  let cursor = previous.start;
  for (const [start, end] of merged) {
    if (end < cursor) continue;
    if (start > previous.end) break;
    if (start > cursor) missing.push([cursor, start - 1]);
    cursor = Math.max(cursor, end + 1);
    if (cursor > previous.end) break;
  }
  if (cursor <= previous.end) missing.push([cursor, previous.end]);
  return missing;
}

export function rangeText([start, end]: readonly [number, number], max: number): string {
  if (start === end) return `[${start}]`;
  return end === max ? `[${start},max]` : `[${start},${end}]`;
}
