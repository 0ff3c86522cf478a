/**
 * Chooses the version for one request: `point` in [0, 100) falls in a version's share of the
 * cumulative weights (in the given order, so a sticky client keeps its version while weights move
 * only at the margin). Versions that cannot take traffic are skipped and their share goes to the rest.
 */
export function pickVersion(
  weights: ReadonlyArray<readonly [version: string, weight: number]>,
  routable: (version: string) => boolean,
  point: number,
  exclude?: string,
): string | undefined {
  let total = 0;
  for (const [version, weight] of weights) if (weight > 0 && version !== exclude && routable(version)) total += weight;
  if (total === 0) {
    // nothing weighted can serve: any live version beats an error
    for (const [version] of weights) if (version !== exclude && routable(version)) return version;
    return undefined;
  }
  const target = (point / 100) * total;
  let running = 0;
  let chosen: string | undefined;
  for (const [version, weight] of weights) {
    if (weight <= 0 || version === exclude || !routable(version)) continue;
    chosen = version;
    running += weight;
    if (target < running) return version;
  }
  return chosen;
}

/** A stable point in [0, 100) for a client key (FNV-1a), so the same client lands on the same version. */
export function stickyPoint(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 10_000) / 100;
}
