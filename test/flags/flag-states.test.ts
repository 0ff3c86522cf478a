import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enableFlagConditions, flagStates } from '../../src/flags/evaluate/flag-states.ts';
import type { FlagDefinition } from '../../src/flags/evaluate/flag-definition.ts';
import type { LiveVersion } from '../../src/model/snapshot.ts';

const live = (service: string, version: string, target = 'default'): LiveVersion => ({ service, version, target, mode: 'deployed', since: '2026-01-01T00:00:00Z' });

test('a flag guarded by "worker fully rolled out" follows the worker through a rollout and a rollback', () => {
  const flags: FlagDefinition[] = [
    { name: 'use-queue', enabled: true, strategies: [], conditions: enableFlagConditions([{ service: 'worker', version: '2.0.0' }]) },
    { name: 'ten-percent', enabled: true, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 10 } }] },
    { name: 'zero-percent', enabled: true, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 0 } }] },
    { name: 'off', enabled: false, strategies: [] },
  ];
  const steps: Array<[string, LiveVersion[], boolean]> = [
    ['before the worker', [], false],
    ['canary: old and new side by side', [live('worker', '1.9.0', 'a'), live('worker', '2.0.0', 'b')], false],
    ['fully rolled out', [live('worker', '2.0.0', 'a'), live('worker', '2.0.0', 'b')], true],
    ['a later version', [live('worker', '2.1.0')], true],
    ['rolled back', [live('worker', '1.9.0')], false],
  ];
  for (const [label, versions, expected] of steps) {
    assert.deepEqual(flagStates(flags, versions), { 'use-queue': expected, 'ten-percent': true, 'zero-percent': false, off: false }, label);
  }
});
