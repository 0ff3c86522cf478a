import type { FlagDefinition, Variant } from '../../../src/flags/evaluate/flag-definition.ts';

const threeWay: readonly Variant[] = [
  { name: 'red', weight: 333, payload: { type: 'string', value: 'r' } },
  { name: 'green', weight: 333 },
  { name: 'blue', weight: 334 },
];
const uneven: readonly Variant[] = [
  { name: 'a', weight: 100 },
  { name: 'none', weight: 0 },
  { name: 'b', weight: 650 },
  { name: 'c', weight: 250 },
];

/** Flag definitions both evaluators must agree on: percentages, groupIds, stickiness, constraints, variants. */
export const PARITY_FLAGS: readonly FlagDefinition[] = [
  ...[0, 1, 10, 33, 50, 67, 99, 100].map(
    (rollout): FlagDefinition => ({
      name: `rollout-${rollout}`,
      enabled: true,
      strategies: [{ name: 'flexibleRollout', parameters: { rollout, stickiness: 'userId', groupId: `rollout-${rollout}` } }],
    }),
  ),
  {
    name: 'shared-group-a',
    enabled: true,
    strategies: [{ name: 'flexibleRollout', parameters: { rollout: 25, stickiness: 'default', groupId: 'checkout' } }],
    variants: threeWay,
  },
  {
    name: 'shared-group-b',
    enabled: true,
    strategies: [{ name: 'flexibleRollout', parameters: { rollout: 40, stickiness: 'userId', groupId: 'checkout' } }],
    variants: uneven,
  },
  {
    name: 'strategy-variants',
    enabled: true,
    strategies: [
      {
        name: 'flexibleRollout',
        parameters: { rollout: 70, stickiness: 'userId', groupId: 'strategy-variants' },
        variants: [
          { name: 'x', weight: 500, stickiness: 'tenant' },
          { name: 'y', weight: 500, stickiness: 'tenant' },
        ],
      },
    ],
    variants: threeWay,
  },
  {
    // strategy variants without their own stickiness fall back to the strategy's
    name: 'strategy-variants-fallback',
    enabled: true,
    strategies: [
      {
        name: 'flexibleRollout',
        parameters: { rollout: 60, stickiness: 'tenant', groupId: 'svf' },
        variants: [
          { name: 'p', weight: 300 },
          { name: 'q', weight: 700 },
        ],
      },
    ],
  },
  {
    name: 'tenant-stickiness',
    enabled: true,
    strategies: [{ name: 'flexibleRollout', parameters: { rollout: 30, stickiness: 'tenant', groupId: 'tenants' } }],
    variants: uneven.map((variant) => ({ ...variant, stickiness: 'tenant' })),
  },
  {
    name: 'constrained',
    enabled: true,
    strategies: [
      {
        name: 'flexibleRollout',
        parameters: { rollout: 80, stickiness: 'userId', groupId: 'constrained' },
        constraints: [
          { contextName: 'country', operator: 'IN', values: ['NO', 'SE', ' DK '] },
          { contextName: 'appVersion', operator: 'SEMVER_GTE', value: '2.1.0' },
          { contextName: 'age', operator: 'NUM_LT', value: '60' },
        ],
      },
      {
        name: 'default',
        constraints: [
          { contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'], caseInsensitive: true },
          { contextName: 'country', operator: 'NOT_IN', values: ['FR'] },
        ],
      },
    ],
    variants: [
      { name: 'pinned', weight: 0, overrides: [{ contextName: 'tenant', values: ['t7'] }] },
      { name: 'open', weight: 1000 },
    ],
  },
  { name: 'switched-off', enabled: false, strategies: [], variants: threeWay },
  { name: 'static-on', enabled: true, strategies: [], variants: uneven },
];
