import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFlagDefinition } from '../../src/flags/evaluate/validate-flag-definition.ts';
import type { FlagDefinition } from '../../src/flags/evaluate/flag-definition.ts';

const base: FlagDefinition = { name: 'checkout', enabled: true, strategies: [] };

test('bad definitions are reported at their JSON pointer', () => {
  const cases: Array<[string, FlagDefinition, string, RegExp]> = [
    ['name', { ...base, name: '-bad name' }, '/name', /flag name/],
    ['rollout over 100', { ...base, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 101 } }] }, '/strategies/0/parameters/rollout', /out of range/],
    ['negative rollout', { ...base, strategies: [{ name: 'flexibleRollout', parameters: { rollout: -1 } }] }, '/strategies/0/parameters/rollout', /out of range/],
    ['fractional rollout', { ...base, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 12.5 } }] }, '/strategies/0/parameters/rollout', /whole number/],
    ['duplicate variant', { ...base, variants: [{ name: 'a', weight: 1 }, { name: 'a', weight: 1 }] }, '/variants/1/name', /conflicting variants: "a" appears twice/],
    ['mixed stickiness', { ...base, variants: [{ name: 'a', weight: 1, stickiness: 'userId' }, { name: 'b', weight: 1, stickiness: 'tenant' }] }, '/variants/1/stickiness', /conflicting variants/],
    ['pinned twice', { ...base, variants: [{ name: 'a', weight: 1, overrides: [{ contextName: 'userId', values: ['x'] }] }, { name: 'b', weight: 1, overrides: [{ contextName: 'userId', values: ['x'] }] }] }, '/variants/1/overrides/0', /pinned to both/],
    ['zero total weight', { ...base, variants: [{ name: 'a', weight: 0 }] }, '/variants', /add up to 0/],
    ['strategy variant weight', { ...base, strategies: [{ name: 'default', variants: [{ name: 'a', weight: 1001 }] }] }, '/strategies/0/variants/0/weight', /0 to 1000/],
    ['semver value', { ...base, strategies: [{ name: 'default', constraints: [{ contextName: 'v', operator: 'SEMVER_GT', value: 'two' }] }] }, '/strategies/0/constraints/0/value', /semantic versions/],
    ['number value', { ...base, strategies: [{ name: 'default', constraints: [{ contextName: 'n', operator: 'NUM_GT', value: 'ten' }] }] }, '/strategies/0/constraints/0/value', /numbers/],
    ['IN without values', { ...base, strategies: [{ name: 'default', constraints: [{ contextName: 'c', operator: 'IN', values: [] }] }] }, '/strategies/0/constraints/0/values', /at least one/],
    ['unknown operator', { ...base, strategies: [{ name: 'default', constraints: [{ contextName: 'c', operator: 'LIKE' as never, values: ['x'] }] }] }, '/strategies/0/constraints/0/operator', /unknown operator/],
    ['condition version', { ...base, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: 'latest' }] }, '/conditions/0/version', /not a semantic version/],
  ];
  for (const [label, flag, pointer, message] of cases) {
    const problems = validateFlagDefinition(flag);
    assert.equal(problems.length, 1, `${label}: ${JSON.stringify(problems)}`);
    assert.equal(problems[0]!.pointer, pointer, label);
    assert.match(problems[0]!.message, message, label);
  }
});

test('a sound definition has no problems', () => {
  assert.deepEqual(
    validateFlagDefinition({
      ...base,
      strategies: [{ name: 'flexibleRollout', parameters: { rollout: 0, groupId: 'g', stickiness: 'tenant' }, constraints: [{ contextName: 'v', operator: 'SEMVER_GTE', value: '1.2.3' }] }],
      variants: [{ name: 'a', weight: 0 }, { name: 'b', weight: 1000 }],
      conditions: [{ kind: 'no-live-older-than', service: 'reader', version: '1.4.0' }],
    }),
    [],
  );
});
