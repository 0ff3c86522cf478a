import { random } from '../../test/plan/support/random-system.ts';
import { catalogOf, snapshotOf, type VersionSpec } from '../../test/plan/support/case-builder.ts';
import type { EnvironmentSnapshot, VersionCatalog } from '../../src/model/snapshot.ts';
import type { PlanTarget } from '../../src/plan/plan.ts';

export interface LargeSystem {
  readonly versions: VersionCatalog;
  readonly snapshot: EnvironmentSnapshot;
  readonly targets: readonly PlanTarget[];
  readonly links: number;
}

/**
 * A fixed, seeded system: `changing` services moving from 1 to 2, `links` consumer -> provider
 * links among them (a consumer only uses lower-numbered providers, so a plan exists), and
 * `neighbours` unchanged services that each consume from two changing ones. Half the links change
 * what they need (a field the provider adds, or one it drops), the other half are unaffected.
 */
export function largeSystem(options: { changing: number; links: number; neighbours: number; seed?: number }): LargeSystem {
  const next = random(options.seed ?? 42);
  const consumes1: string[][] = Array.from({ length: options.changing }, () => []);
  const consumes2: string[][] = Array.from({ length: options.changing }, () => []);
  const seen = new Set<string>();
  let links = 0;
  while (links < options.links) {
    // Order constraints only ever point from the lower number to the higher, so a plan exists:
    // a lower-numbered provider may add a field its consumer starts needing (provider first), a
    // higher-numbered provider may drop a field its consumer stops needing (consumer first).
    const low = Math.floor(next() * (options.changing - 1));
    const high = low + 1 + Math.floor(next() * (options.changing - low - 1));
    const providerIsLow = next() < 0.5;
    const [consumer, provider] = providerIsLow ? [high, low] : [low, high];
    if (seen.has(`${consumer}>${provider}`) || seen.has(`${provider}>${consumer}`)) continue;
    seen.add(`${consumer}>${provider}`);
    links++;
    const changes = next() < 0.5;
    // v1 of every provider writes id,old; v2 writes id,fresh.
    if (changes && providerIsLow) {
      consumes1[consumer]!.push(`http:c${provider}=id`);
      consumes2[consumer]!.push(`http:c${provider}=id,fresh`);
    } else if (changes) {
      consumes1[consumer]!.push(`http:c${provider}=id,old`);
      consumes2[consumer]!.push(`http:c${provider}=id`);
    } else {
      consumes1[consumer]!.push(`http:c${provider}=id`);
      consumes2[consumer]!.push(`http:c${provider}=id`);
    }
  }
  const specs: Record<string, VersionSpec> = {};
  const live: Record<string, string> = {};
  for (let k = 0; k < options.changing; k++) {
    specs[`c${k}@1`] = { provides: [`http:c${k}=id,old`], consumes: consumes1[k]! };
    specs[`c${k}@2`] = { provides: [`http:c${k}=id,fresh`], consumes: consumes2[k]! };
    live[`c${k}`] = '1';
  }
  for (let k = 0; k < options.neighbours; k++) {
    const a = Math.floor(next() * options.changing);
    const b = Math.floor(next() * options.changing);
    specs[`u${k}@1`] = { consumes: [...new Set([`http:c${a}=id`, `http:c${b}=id`])] };
    live[`u${k}`] = '1';
  }
  const targets = Array.from({ length: options.changing }, (_, k) => ({ service: `c${k}`, version: '2' }));
  return { versions: catalogOf(specs), snapshot: snapshotOf('production', { live }), targets, links };
}
