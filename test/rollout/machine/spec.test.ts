import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRolloutSpec } from '../../../src/rollout/machine/parse-rollout-spec.ts';
import { DEFAULT_ROLLOUT_SPEC } from '../../../src/rollout/machine/rollout-spec.ts';
import { StepwiseError } from '../../../src/model/errors.ts';

test('no rollout section gives the defaults', () => {
  assert.deepEqual(parseRolloutSpec(undefined), DEFAULT_ROLLOUT_SPEC);
  assert.deepEqual(parseRolloutSpec({}).steps.map((s) => s.kind), ['weight', 'analysis', 'weight', 'analysis']);
});

test('canary steps parse with durations and until-promoted pauses', () => {
  const spec = parseRolloutSpec({
    canary: { steps: [{ weight: 5 }, { pause: '2s' }, { pause: {} }, { pause: 'until-promoted' }, { analysis: '1m' }, { analysis: { duration: '500ms', minRequests: 3 } }] },
    analysis: { maxErrorRate: 0.01, window: '2s' },
    sticky: { header: 'X-User' },
  });
  assert.deepEqual(spec.steps.slice(0, 5), [
    { kind: 'weight', weight: 5 },
    { kind: 'pause', durationMs: 2000 },
    { kind: 'pause' },
    { kind: 'pause' },
    { kind: 'analysis', durationMs: 60_000, thresholds: spec.analysis },
  ]);
  assert.equal(spec.analysis.maxErrorRate, 0.01);
  assert.equal(spec.analysis.windowMs, 2000);
  const last = spec.steps[5]!;
  assert.ok(last.kind === 'analysis' && last.thresholds.minRequests === 3 && last.thresholds.maxErrorRate === 0.01 && last.durationMs === 500);
  assert.deepEqual(spec.sticky, { header: 'x-user' });
});

test('blue-green and per-environment overrides', () => {
  const raw = { canary: { steps: [{ weight: 50 }] }, environments: { production: { blueGreen: { preview: 'until-promoted', scaleDownDelay: '1s' }, onRestart: 'rollback' } } };
  assert.equal(parseRolloutSpec(raw, 'staging').strategy, 'canary');
  const production = parseRolloutSpec(raw, 'production');
  assert.equal(production.strategy, 'blueGreen');
  assert.deepEqual(production.steps, [{ kind: 'preview' }]);
  assert.equal(production.scaleDownDelayMs, 1000);
  assert.equal(production.onRestart, 'rollback');
});

test('bad input names the JSON pointer', () => {
  const cases: Array<[unknown, string]> = [
    [{ canary: { steps: [{ weight: 150 }] } }, '/canary/steps/0/weight'],
    [{ canary: { steps: [{ pause: 'soon' }] } }, '/canary/steps/0/pause'],
    [{ canary: { steps: [{}] } }, '/canary/steps/0'],
    [{ canary: { steps: [{ jump: 1 }] } }, '/canary/steps/0/jump'],
    [{ analysis: { maxErrorRate: 2 } }, '/analysis/maxErrorRate'],
    [{ canary: {}, blueGreen: {} }, ''],
    [{ onRestart: 'panic' }, '/onRestart'],
    [{ steps: 'fast' }, '/steps'],
  ];
  for (const [raw, pointer] of cases) {
    assert.throws(() => parseRolloutSpec(raw, undefined, 'stepwise.yaml'), (error: unknown) => {
      assert.ok(error instanceof StepwiseError);
      assert.equal(error.code, 'MANIFEST_INVALID');
      assert.equal(error.where?.pointer, pointer, JSON.stringify(raw));
      assert.match(error.message, /^stepwise\.yaml: rollout /);
      return true;
    });
  }
});

test('the manifest short form: steps at the top, each entry a weight with its pause', () => {
  const spec = parseRolloutSpec({ steps: [{ weight: 10, pause: '10s' }, { weight: 50, pause: '10s' }] });
  assert.equal(spec.strategy, 'canary');
  assert.deepEqual(spec.steps, [
    { kind: 'weight', weight: 10 },
    { kind: 'pause', durationMs: 10_000 },
    { kind: 'weight', weight: 50 },
    { kind: 'pause', durationMs: 10_000 },
  ]);
  assert.throws(() => parseRolloutSpec({ steps: [{ weight: 10 }], canary: { steps: [] } }), /either at the top or under canary/);
  assert.throws(() => parseRolloutSpec({ steps: [{ weight: 10, colour: 'red' }] }), /\/steps\/0\/colour/);
});
