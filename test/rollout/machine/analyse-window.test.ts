import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseWindow } from '../../../src/rollout/analysis/analyse-window.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/rollout/analysis/analysis-thresholds.ts';

const w = (requests: number, errors: number, p99Ms: number | null = 10) => ({ requests, errors, p50Ms: p99Ms, p99Ms });

test('analysis outcomes', () => {
  const cases: Array<[string, ReturnType<typeof w>, ReturnType<typeof w> | null, string]> = [
    ['no traffic is inconclusive', w(0, 0, null), w(100, 0), 'inconclusive'],
    ['too few requests is inconclusive', w(19, 0), w(100, 0), 'inconclusive'],
    ['enough clean requests pass', w(20, 1), w(100, 0), 'pass'],
    ['20% errors fail', w(100, 20), w(500, 0), 'fail'],
    ['five failures fail before minRequests', w(5, 5), w(20, 0), 'fail'],
    ['four failures in four are not yet conclusive', w(4, 4), w(20, 0), 'inconclusive'],
    ['exactly the threshold passes', w(100, 5), null, 'pass'],
    ['p99 three times the stable above the floor fails', w(50, 0, 200), w(500, 0, 60), 'fail'],
    ['p99 ratio below the floor passes', w(50, 0, 40), w(500, 0, 2), 'pass'],
    ['no stable comparison passes on errors alone', w(50, 0, 900), null, 'pass'],
  ];
  for (const [name, canary, stable, outcome] of cases) assert.equal(analyseWindow(DEFAULT_THRESHOLDS, canary, stable).outcome, outcome, name);
  assert.equal(analyseWindow({ ...DEFAULT_THRESHOLDS, maxP99Ms: 100 }, w(50, 0, 150), null).outcome, 'fail');
  // the sliding-window check ignores latency (cold processes are slow at first) but not errors
  assert.equal(analyseWindow(DEFAULT_THRESHOLDS, w(50, 0, 200), w(500, 0, 60), { latency: false }).outcome, 'pass');
  assert.equal(analyseWindow(DEFAULT_THRESHOLDS, w(50, 10, 200), w(500, 0, 60), { latency: false }).outcome, 'fail');
});
