const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d` -> milliseconds; undefined for text that is not `<integer><ms|s|m|h|d|w>`. */
export function parseDuration(text: string): number | undefined {
  const match = /^([0-9]+)(ms|s|m|h|d|w)$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
