import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenFeature, ProviderEvents, type Hook, type EvaluationDetails, type FlagValue } from '@openfeature/server-sdk';
// through the package's public entry point, as users import it
import { StepwiseProvider } from 'stepwise/openfeature';
import type { FlagSnapshot } from '../../src/flags/evaluate/flag-set.ts';
import type { FlagSource } from '../../src/flags/client/flag-source.ts';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';

const snapshot: FlagSnapshot = {
  environment: 'production',
  revision: 'r1',
  live: [{ service: 'worker', version: '1.9.0', target: 'default', mode: 'deployed', since: '2026-01-01T00:00:00Z' }],
  flags: [
    { name: 'new-queue', enabled: true, strategies: [{ name: 'flexibleRollout', parameters: { rollout: 50, stickiness: 'default', groupId: 'new-queue' } }] },
    {
      name: 'button',
      enabled: true,
      strategies: [],
      variants: [
        { name: 'blue', weight: 500, payload: { type: 'string', value: '#00f' } },
        { name: 'green', weight: 500, payload: { type: 'string', value: '#0f0' } },
      ],
    },
    { name: 'limits', enabled: true, strategies: [], variants: [{ name: 'high', weight: 1, payload: { type: 'number', value: '250' } }] },
    { name: 'layout', enabled: true, strategies: [], variants: [{ name: 'wide', weight: 1, payload: { type: 'json', value: '{"columns":3}' } }] },
    { name: 'needs-worker-2', enabled: true, strategies: [], conditions: [{ kind: 'fully-rolled-out', service: 'worker', version: '2.0.0' }] },
    { name: 'killed', enabled: true, killed: true, strategies: [] },
    { name: 'after-launch', enabled: true, strategies: [{ name: 'default', constraints: [{ contextName: 'currentTime', operator: 'DATE_AFTER', value: '2020-01-01T00:00:00Z' }] }] },
  ],
};

test('the provider answers through the real OpenFeature SDK with evaluation details and hooks', async () => {
  const calls: string[] = [];
  const details: Array<EvaluationDetails<FlagValue>> = [];
  const hook: Hook = {
    before: (hookContext) => {
      calls.push(`before:${hookContext.flagKey}`);
    },
    after: (_hookContext, evaluation) => {
      calls.push(`after:${evaluation.flagKey}`);
    },
    error: (hookContext) => {
      calls.push(`error:${hookContext.flagKey}`);
    },
    finally: (hookContext, evaluation) => {
      calls.push(`finally:${hookContext.flagKey}`);
      details.push(evaluation);
    },
  };
  await OpenFeature.setProviderAndWait('stepwise-static', new StepwiseProvider({ snapshot }));
  const client = OpenFeature.getClient('stepwise-static');
  client.addHooks(hook);

  // the SDK's answer equals the in-process evaluator's for users both in and out of the rollout
  for (const userId of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
    const expected = evaluateFlag(snapshot.flags[0]!, { userId });
    const answer = await client.getBooleanDetails('new-queue', false, { targetingKey: userId });
    assert.equal(answer.value, expected.enabled, userId);
    assert.equal(answer.reason, expected.reason);
    assert.deepEqual(answer.flagMetadata, { environment: 'production', revision: 'r1' });
  }

  const color = await client.getStringDetails('button', 'black', { targetingKey: 'u1' });
  assert.ok(['#00f', '#0f0'].includes(color.value));
  assert.equal(color.variant, color.value === '#00f' ? 'blue' : 'green');
  assert.equal(color.reason, 'SPLIT');
  assert.equal(await client.getNumberValue('limits', 10), 250);
  assert.deepEqual(await client.getObjectValue('layout', {}), { columns: 3 });

  const conditional = await client.getBooleanDetails('needs-worker-2', true);
  assert.deepEqual([conditional.value, conditional.reason], [false, 'DEPLOYMENT_CONDITION']);
  // DATE_ constraints compare with the application's clock when the context gives no currentTime
  assert.equal(await client.getBooleanValue('after-launch', false), true);
  assert.equal(await client.getBooleanValue('after-launch', true, { currentTime: '2019-06-01T00:00:00Z' }), false);
  const killed = await client.getStringDetails('killed', 'fallback');
  assert.deepEqual([killed.value, killed.reason], ['fallback', 'KILLED']);

  calls.length = 0;
  const missing = await client.getBooleanDetails('no-such-flag', true);
  assert.deepEqual([missing.value, missing.reason, missing.errorCode], [true, 'ERROR', 'FLAG_NOT_FOUND']);
  assert.match(missing.errorMessage ?? '', /no-such-flag/);
  assert.deepEqual(calls, ['before:no-such-flag', 'error:no-such-flag', 'finally:no-such-flag']);

  const wrongType = await client.getNumberDetails('button', 7);
  assert.deepEqual([wrongType.value, wrongType.errorCode], [7, 'TYPE_MISMATCH']);

  calls.length = 0;
  await client.getBooleanValue('new-queue', false, { targetingKey: 'u1' });
  assert.deepEqual(calls, ['before:new-queue', 'after:new-queue', 'finally:new-queue']);
  assert.ok(details.every((detail) => detail.flagKey.length > 0));
  await OpenFeature.clearProviders();
});

test('a changed snapshot reaches the SDK as a configuration-changed event naming the flags', async () => {
  let push: (next: FlagSnapshot) => void = () => {};
  const source: FlagSource = {
    start: async () => snapshot,
    onChange: (listener) => {
      push = listener;
    },
    close: async () => {},
  };
  await OpenFeature.setProviderAndWait('stepwise-live', new StepwiseProvider({ source }));
  const client = OpenFeature.getClient('stepwise-live');
  assert.equal(await client.getBooleanValue('needs-worker-2', true), false);
  const changed = new Promise<string[]>((resolve) => client.addHandler(ProviderEvents.ConfigurationChanged, (event) => resolve(event?.flagsChanged ?? [])));
  push({ ...snapshot, revision: 'r2', live: [{ ...snapshot.live[0]!, version: '2.0.0' }], flags: snapshot.flags.map((flag) => (flag.name === 'killed' ? { ...flag, killed: false } : flag)) });
  assert.deepEqual((await changed).sort(), ['killed', 'needs-worker-2']);
  assert.equal(await client.getBooleanValue('needs-worker-2', false), true);
  assert.equal(await client.getBooleanValue('killed', false), true);
  await OpenFeature.clearProviders();
});
