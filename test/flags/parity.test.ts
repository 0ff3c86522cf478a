import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import { PARITY_FLAGS } from './support/parity-flags.ts';
import { generatedContexts } from './support/generated-contexts.ts';
import { unleashLocal } from './support/unleash-local.ts';

// 100k generated users, every parity flag: the enabled answer and the variant must equal unleash-client's.
test('100k users get the same enabled answer and variant as unleash-client', () => {
  const contexts = generatedContexts(100_000);
  const unleash = unleashLocal(PARITY_FLAGS);
  // `client` is not in unleash-client's typings; it is the UnleashClient every public call goes through
  const client = (unleash as unknown as { client: { getVariant(name: string, context: unknown): { name: string; feature_enabled?: boolean } } }).client;
  try {
    // the public API agrees with the evaluator it wraps
    for (const context of contexts.slice(0, 5000)) {
      for (const flag of PARITY_FLAGS) {
        const [pub, inner] = [unleash.getVariant(flag.name, context as never), client.getVariant(flag.name, context)];
        assert.deepEqual([pub.feature_enabled, pub.name], [inner.feature_enabled, inner.name]);
      }
    }
    const mismatches: string[] = [];
    const enabledCounts = new Map<string, number>();
    const variantCounts = new Map<string, Set<string>>();
    for (const flag of PARITY_FLAGS) {
      let enabledCount = 0;
      for (const context of contexts) {
        const ours = evaluateFlag(flag, context);
        // unleash-client's evaluator itself (what Unleash.getVariant calls after copying the context
        // and counting metrics; the public path is compared on a sample below)
        const theirs = client.getVariant(flag.name, context);
        const theirsEnabled = theirs.feature_enabled;
        if (ours.enabled) enabledCount++;
        if (!variantCounts.has(flag.name)) variantCounts.set(flag.name, new Set());
        variantCounts.get(flag.name)!.add(ours.variant);
        if (ours.enabled !== theirsEnabled || ours.variant !== theirs.name) {
          if (mismatches.length < 10) {
            mismatches.push(`${flag.name} ${JSON.stringify(context)}: ours ${ours.enabled}/${ours.variant}, unleash ${theirsEnabled}/${theirs.name}`);
          }
        }
      }
      enabledCounts.set(flag.name, enabledCount);
    }
    assert.deepEqual(mismatches, []);
    // the cases must exercise both answers, or the comparison proves little
    const share = (name: string) => enabledCounts.get(name)! / contexts.length;
    assert.equal(share('rollout-0'), 0);
    assert.equal(share('rollout-100'), 1);
    assert.ok(Math.abs(share('rollout-33') - 0.33) < 0.01, `rollout-33 enabled ${share('rollout-33')}`);
    for (const flag of ['shared-group-a', 'strategy-variants', 'tenant-stickiness', 'static-on']) {
      assert.ok(variantCounts.get(flag)!.size >= 3, `${flag} handed out ${[...variantCounts.get(flag)!].join(', ')}`);
    }
    assert.ok(share('constrained') > 0.02 && share('constrained') < 0.5, `constrained enabled ${share('constrained')}`);
  } finally {
    unleash.destroy();
  }
});

test('services sharing a groupId put the same users in', () => {
  const contexts = generatedContexts(5_000, 7);
  const narrow = PARITY_FLAGS.find((flag) => flag.name === 'shared-group-a')!;
  const wide = PARITY_FLAGS.find((flag) => flag.name === 'shared-group-b')!;
  for (const context of contexts) {
    // 25% and 40% with the same groupId: whoever is in the 25% is in the 40% too
    if (evaluateFlag(narrow, context).enabled) assert.equal(evaluateFlag(wide, context).enabled, true);
  }
});
