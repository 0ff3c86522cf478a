import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import type { FlagDefinition } from '../../src/flags/evaluate/flag-definition.ts';
import { validateFlagDefinition } from '../../src/flags/evaluate/validate-flag-definition.ts';
import { fromUnleashFeature } from '../../src/flags/unleash/from-unleash-feature.ts';
import { toUnleashFeature } from '../../src/flags/unleash/to-unleash-feature.ts';
import { generatedContexts } from './support/generated-contexts.ts';
import { PARITY_FLAGS } from './support/parity-flags.ts';
import { EventEmitter } from 'node:events';
import { Unleash } from 'unleash-client';

function imported(feature: object): FlagDefinition {
  const result = fromUnleashFeature(feature);
  assert.deepEqual(result.problems, []);
  return (result as { flag: FlagDefinition }).flag;
}

test('our flags survive the trip to the Unleash format and back with the same answers', () => {
  const contexts = generatedContexts(2000, 3);
  for (const flag of PARITY_FLAGS) {
    const back = imported(toUnleashFeature(flag, []));
    assert.deepEqual(validateFlagDefinition(back), [], flag.name);
    for (const context of contexts) {
      const [a, b] = [evaluateFlag(flag, context), evaluateFlag(back, context)];
      assert.deepEqual([b.enabled, b.variant], [a.enabled, a.variant], flag.name);
    }
  }
});

test("Unleash's older built-in strategies import as what they mean, with the SDK's answers", () => {
  const features = [
    { name: 'legacy-user', enabled: true, strategies: [{ name: 'gradualRolloutUserId', parameters: { percentage: '35' }, constraints: [] }] },
    { name: 'legacy-session', enabled: true, strategies: [{ name: 'gradualRolloutSessionId', parameters: { percentage: '60', groupId: 'sess' } }] },
    { name: 'listed-users', enabled: true, strategies: [{ name: 'userWithId', parameters: { userIds: 'user-1, user-7,user-12' } }] },
  ];
  const repository = Object.assign(new EventEmitter(), {
    getToggle: (name: string) => features.find((feature) => feature.name === name),
    getToggles: () => features,
    getTogglesWithSegmentData: () => features,
    getSegment: () => undefined,
    start: async () => {},
    stop: () => {},
  });
  // unleash-client's own types are wider than the calls it makes on a repository
  const unleash = new Unleash({ appName: 'import', url: 'http://127.0.0.1:9/api/', repository: repository as never, disableMetrics: true, disableAutoStart: true, skipInstanceCountWarning: true });
  repository.emit('ready');
  try {
    const contexts = [...generatedContexts(3000, 11), { userId: 'user-7' }, { userId: 'user-12' }];
    for (const feature of features) {
      const flag = imported(feature);
      let on = 0;
      for (const context of contexts) {
        const ours = evaluateFlag(flag, context).enabled;
        assert.equal(ours, unleash.isEnabled(feature.name, context as never), `${feature.name} ${JSON.stringify(context)}`);
        if (ours) on++;
      }
      assert.ok(on > 0, `${feature.name} is on for someone`);
    }
  } finally {
    unleash.destroy();
  }
});

test('what has no counterpart is reported at its pointer', () => {
  const segments = fromUnleashFeature({ name: 'x', enabled: true, strategies: [{ name: 'default', segments: [3] }] }, '/features/0');
  assert.deepEqual(segments.problems.map((problem) => problem.pointer), ['/features/0/strategies/0/segments']);
  const custom = fromUnleashFeature({ name: 'x', enabled: true, strategies: [{ name: 'applicationHostname', parameters: { hostNames: 'a' } }] });
  assert.match(custom.problems[0]!.message, /applicationHostname/);
  assert.deepEqual(fromUnleashFeature({ name: 'x', strategies: 'no' }).problems.map((problem) => problem.pointer), ['/enabled', '/strategies']);
});
