import { murmur3 } from './murmur3.ts';

/** Seed Unleash uses for variant buckets, so variant assignment is independent of the rollout bucket. */
export const VARIANT_SEED = 86028157;

/**
 * The bucket 1..100 a stickiness value falls in for a rollout: murmur3(`groupId:value`, seed 0) % 100 + 1.
 * A user is in a rollout of P percent when the bucket is at most P, so every service sharing a
 * groupId puts the same users in.
 */
export function rolloutBucket(groupId: string, stickinessValue: string): number {
  return (murmur3(`${groupId}:${stickinessValue}`, 0) % 100) + 1;
}

/** The bucket 1..totalWeight for variant selection (seed 86028157). */
export function variantBucket(groupId: string, stickinessValue: string, totalWeight: number): number {
  return (murmur3(`${groupId}:${stickinessValue}`, VARIANT_SEED) % totalWeight) + 1;
}
