import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { murmur3 } from '../../src/flags/evaluate/murmur3.ts';
import { rolloutBucket, variantBucket } from '../../src/flags/evaluate/normalized-value.ts';
import { xorshift } from './support/generated-contexts.ts';

// The hash unleash-client itself uses; loaded through require because it ships no types.
const require = createRequire(import.meta.url);
const reference = require('murmurhash3js') as { x86: { hash32(key: string, seed: number): number } };

test('murmur3 matches the published x86 32-bit test vectors', () => {
  const vectors: Array<[string, number, number]> = [
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['hello', 0, 0x248bfa47],
    ['hello, world', 0, 0x149bbb7f],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ];
  for (const [key, seed, expected] of vectors) assert.equal(murmur3(key, seed), expected, `${JSON.stringify(key)} seed ${seed}`);
});

test('murmur3 matches the hash unleash-client uses, ASCII and not, every tail length', () => {
  const next = xorshift(99);
  for (let i = 0; i < 20_000; i++) {
    let key = '';
    const length = Math.floor(next() * 24);
    for (let j = 0; j < length; j++) key += String.fromCharCode(next() < 0.8 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0xffff));
    for (const seed of [0, 86028157]) assert.equal(murmur3(key, seed), reference.x86.hash32(key, seed), JSON.stringify(key));
  }
});

test('buckets are 1..100 for rollouts and 1..total for variants', () => {
  assert.equal(rolloutBucket('checkout', 'user-1'), (reference.x86.hash32('checkout:user-1', 0) % 100) + 1);
  assert.equal(variantBucket('checkout', 'user-1', 1000), (reference.x86.hash32('checkout:user-1', 86028157) % 1000) + 1);
  const seen = new Set<number>();
  for (let i = 0; i < 5000; i++) seen.add(rolloutBucket('g', `u${i}`));
  assert.equal(Math.min(...seen), 1);
  assert.equal(Math.max(...seen), 100);
});
