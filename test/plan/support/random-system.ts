import type { VersionSpec, EnvironmentSpec } from './case-builder.ts';

/** Small deterministic PRNG (mulberry32) so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomSystem {
  readonly versions: Record<string, VersionSpec>;
  readonly env: EnvironmentSpec;
  readonly targets: string[];
}

const FIELDS = ['a', 'b', 'c', 'd', 'e'];

/**
 * A random system that is healthy today: services s0..sN, each providing `http:sK` with some
 * fields; consumers link only to lower-numbered services at v1 (so today's graph is acyclic and
 * every reader's needs are served), while v2 may add or drop fields and link in any direction.
 * Some services are new (no v1), some are removed.
 */
export function randomSystem(seed: number, options: { flags?: boolean } = {}): RandomSystem {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.5);
  const count = 3 + Math.floor(next() * 6);
  const fields1: string[][] = [];
  const fields2: string[][] = [];
  const isNew: boolean[] = [];
  for (let k = 0; k < count; k++) {
    fields1.push(['id', ...pick(FIELDS)]);
    fields2.push(['id', ...pick(FIELDS)]);
    isNew.push(next() < 0.15);
  }
  const versions: Record<string, VersionSpec> = {};
  const live: Record<string, string> = {};
  const targets: string[] = [];
  for (let k = 0; k < count; k++) {
    const consumes1: string[] = [];
    const consumes2: string[] = [];
    for (let p = 0; p < count; p++) {
      if (p === k) continue;
      if (p < k && !isNew[p] && !isNew[k] && next() < 0.4) consumes1.push(`http:s${p}=${['id', ...pick(fields1[p]!.slice(1))].join(',')}`);
      if (next() < 0.3) {
        const flag = options.flags !== false && next() < 0.2 ? `!f${p}` : '';
        consumes2.push(`http:s${p}=${['id', ...pick(fields2[p]!.slice(1))].join(',')}${flag}`);
      }
    }
    if (!isNew[k]) {
      versions[`s${k}@1`] = { provides: [`http:s${k}=${fields1[k]!.join(',')}`], consumes: consumes1 };
      live[`s${k}`] = '1';
    }
    versions[`s${k}@2`] = { provides: [`http:s${k}=${fields2[k]!.join(',')}`], consumes: consumes2 };
    if (next() < 0.8 || isNew[k]) targets.push(`s${k}@2`);
  }
  return { versions, env: { live, flags: {} }, targets };
}
