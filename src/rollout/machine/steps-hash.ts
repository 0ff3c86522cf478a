import type { RolloutSpec } from './rollout-spec.ts';

/**
 * A short hash of what decides the rollout's position (strategy and steps). Stored with the
 * status: when it no longer matches the spec, the steps changed under a running rollout.
 * FNV-1a over canonical JSON: stable across processes and needs no crypto in the core.
 */
export function stepsHash(spec: Pick<RolloutSpec, 'strategy' | 'steps'>): string {
  const text = JSON.stringify([spec.strategy, spec.steps], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
