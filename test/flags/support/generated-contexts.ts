import type { EvaluationContext } from '../../../src/flags/evaluate/flag-definition.ts';

/** A small deterministic generator (xorshift32), so failures reproduce. */
export function xorshift(seed: number): () => number {
  let state = seed | 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

const COUNTRIES = ['NO', 'SE', 'DK', 'FR', 'DE', 'no'];
const VERSIONS = ['2.0.9', '2.1.0', '2.10.1', '3.0.0-beta.1', 'v2.2.0', '1.9.9', 'garbage'];

/** `count` user contexts: mixed id shapes (sequential, uuid-like, e-mail, a few non-ASCII) and properties. */
export function generatedContexts(count: number, seed = 42): EvaluationContext[] {
  const next = xorshift(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  const contexts: EvaluationContext[] = [];
  for (let i = 0; i < count; i++) {
    const shape = i % 5;
    const userId =
      shape === 0 ? `user-${i}` :
      shape === 1 ? `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}` :
      shape === 2 ? `${hex(6)}@example.com` :
      shape === 3 ? String(i * 7919) :
      `bruker-${i}-${pick(['æ', 'ø', 'å', 'ü', '名'])}`;
    const properties: Record<string, string> = { tenant: `t${Math.floor(next() * 40)}`, country: pick(COUNTRIES), appVersion: pick(VERSIONS) };
    if (next() < 0.7) properties.age = String(Math.floor(next() * 90));
    if (next() < 0.3) properties.email = `${hex(5)}@${pick(['Example.COM', 'example.com', 'other.org'])}`;
    contexts.push(next() < 0.5 ? { userId, sessionId: hex(10), properties } : { userId, properties });
  }
  return contexts;
}
