import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import { constraintHolds } from '../../src/flags/evaluate/constraint-holds.ts';
import type { Constraint, EvaluationContext, FlagDefinition } from '../../src/flags/evaluate/flag-definition.ts';
import type { LiveVersion } from '../../src/model/snapshot.ts';

const live = (service: string, version: string): LiveVersion => ({ service, version, target: 'default', mode: 'deployed', since: '2026-01-01T00:00:00Z' });
const base: FlagDefinition = { name: 'new-checkout', enabled: true, strategies: [] };

test('switches, kill switch and deployment conditions decide before any strategy', () => {
  const cases: Array<[string, FlagDefinition, readonly LiveVersion[], boolean, string]> = [
    ['on for everyone', base, [], true, 'STATIC'],
    ['off in this environment', { ...base, enabled: false }, [], false, 'DISABLED'],
    ['killed overrides on', { ...base, killed: true }, [], false, 'KILLED'],
    ['fully rolled out: all live >= 2.0.0', { ...base, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] }, [live('worker', '2.0.0'), live('worker', '2.1.0')], true, 'STATIC'],
    ['fully rolled out: mid-rollout is not fully', { ...base, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] }, [live('worker', '1.9.0'), live('worker', '2.0.0')], false, 'DEPLOYMENT_CONDITION'],
    ['fully rolled out: not deployed at all', { ...base, conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] }, [live('store', '3.0.0')], false, 'DEPLOYMENT_CONDITION'],
    ['no live older: one old instance turns it off', { ...base, conditions: [{ kind: 'no-live-older-than', service: 'reader', version: '1.4.0' }] }, [live('reader', '1.4.0'), live('reader', '1.3.9')], false, 'DEPLOYMENT_CONDITION'],
    ['no live older: absent service holds', { ...base, conditions: [{ kind: 'no-live-older-than', service: 'reader', version: '1.4.0' }] }, [], true, 'STATIC'],
    ['no live older: non-semver counts as older', { ...base, conditions: [{ kind: 'no-live-older-than', service: 'reader', version: '1.4.0' }] }, [live('reader', 'abc123')], false, 'DEPLOYMENT_CONDITION'],
    ['killed wins over a holding condition', { ...base, killed: true, conditions: [{ kind: 'no-live-older-than', service: 'reader', version: '1.0.0' }] }, [], false, 'KILLED'],
  ];
  for (const [label, flag, versions, enabled, reason] of cases) {
    const result = evaluateFlag(flag, { userId: 'u1' }, { live: versions });
    assert.deepEqual([result.enabled, result.reason], [enabled, reason], label);
  }
});

test('strategies: the first that turns the flag on wins; none means off with DEFAULT', () => {
  const flag: FlagDefinition = {
    ...base,
    strategies: [
      { name: 'default', constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro'] }] },
      { name: 'flexibleRollout', parameters: { rollout: 0, stickiness: 'userId' } },
    ],
  };
  assert.deepEqual(evaluateFlag(flag, { userId: 'u', properties: { plan: 'pro' } }), { flag: 'new-checkout', enabled: true, variant: 'disabled', reason: 'TARGETING_MATCH' });
  assert.deepEqual(evaluateFlag(flag, { userId: 'u', properties: { plan: 'free' } }), { flag: 'new-checkout', enabled: false, variant: 'disabled', reason: 'DEFAULT' });
});

test('stickiness on a missing field leaves the context out; random uses the injected source', () => {
  const byTenant: FlagDefinition = { ...base, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 100, stickiness: 'tenant' } }] };
  assert.equal(evaluateFlag(byTenant, { userId: 'u' }).enabled, false);
  assert.equal(evaluateFlag(byTenant, { userId: 'u', tenant: 'acme' }).enabled, true);
  const random: FlagDefinition = { ...base, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 50, stickiness: 'random', groupId: 'g' } }] };
  const outcomes = new Set([0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9].map((value) => evaluateFlag(random, {}, { random: () => value }).enabled));
  assert.deepEqual(outcomes, new Set([true, false]));
  const again = evaluateFlag(random, {}, { random: () => 0.3 }).enabled;
  assert.equal(evaluateFlag(random, {}, { random: () => 0.3 }).enabled, again);
});

test('variants carry their payload; an override pins one', () => {
  const flag: FlagDefinition = {
    ...base,
    variants: [
      { name: 'json', weight: 1000, payload: { type: 'json', value: '{"a":1}' } },
      { name: 'vip', weight: 0, overrides: [{ contextName: 'userId', values: ['boss'] }] },
    ],
  };
  assert.deepEqual(evaluateFlag(flag, { userId: 'u' }), { flag: 'new-checkout', enabled: true, variant: 'json', payload: { type: 'json', value: '{"a":1}' }, reason: 'STATIC' });
  assert.equal(evaluateFlag(flag, { userId: 'boss' }).variant, 'vip');
  assert.equal(evaluateFlag(flag, { userId: 'boss' }).reason, 'TARGETING_MATCH');
});

test('constraint operators follow Unleash', () => {
  const ctx: EvaluationContext = { userId: 'u-42', properties: { country: 'NO', version: '2.3.0', score: '17.5', email: 'Ann@Example.com', vversion: 'v2.3.0' } };
  const cases: Array<[Constraint, boolean]> = [
    [{ contextName: 'country', operator: 'IN', values: ['SE', ' NO '] }, true],
    [{ contextName: 'country', operator: 'IN', values: ['no'] }, false],
    [{ contextName: 'country', operator: 'NOT_IN', values: ['SE'] }, true],
    [{ contextName: 'missing', operator: 'NOT_IN', values: ['SE'] }, true],
    [{ contextName: 'missing', operator: 'IN', values: ['SE'] }, false],
    [{ contextName: 'country', operator: 'IN', values: ['NO'], inverted: true }, false],
    [{ contextName: 'userId', operator: 'STR_STARTS_WITH', values: ['u-'] }, true],
    [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'] }, false],
    [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'], caseInsensitive: true }, true],
    [{ contextName: 'email', operator: 'STR_CONTAINS', values: ['nn@'] }, true],
    [{ contextName: 'score', operator: 'NUM_GT', value: '17' }, true],
    [{ contextName: 'score', operator: 'NUM_EQ', value: '17.5' }, true],
    [{ contextName: 'score', operator: 'NUM_LTE', value: '17' }, false],
    [{ contextName: 'country', operator: 'NUM_LT', value: '17' }, false],
    [{ contextName: 'version', operator: 'SEMVER_GTE', value: '2.3.0' }, true],
    [{ contextName: 'version', operator: 'SEMVER_LT', value: '2.10.0' }, true],
    [{ contextName: 'version', operator: 'SEMVER_EQ', value: '2.3.0-rc.1' }, false],
    [{ contextName: 'vversion', operator: 'SEMVER_EQ', value: '2.3.0' }, false],
    [{ contextName: 'version', operator: 'SEMVER_GT', value: 'nonsense' }, false],
    [{ contextName: 'x', operator: 'DATE_AFTER', value: '2026-01-01T00:00:00Z' }, true],
    [{ contextName: 'x', operator: 'DATE_BEFORE', value: '2026-01-01T00:00:00Z' }, false],
  ];
  for (const [constraint, expected] of cases) {
    assert.equal(constraintHolds(constraint, ctx, '2026-06-01T00:00:00Z'), expected, JSON.stringify(constraint));
  }
  assert.equal(constraintHolds({ contextName: 'x', operator: 'DATE_AFTER', value: '2026-01-01T00:00:00Z' }, { currentTime: '2025-01-01T00:00:00Z' }, '2026-06-01T00:00:00Z'), false);
});
