import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reconcileRollout } from '../../../src/rollout/machine/reconcile-rollout.ts';
import { parseRolloutSpec } from '../../../src/rollout/machine/parse-rollout-spec.ts';
import { initialStatus, type RolloutStatus } from '../../../src/rollout/machine/rollout-status.ts';
import { stepsHash } from '../../../src/rollout/machine/steps-hash.ts';
import type { RolloutObservation, RolloutRequests } from '../../../src/rollout/machine/rollout-observation.ts';
import type { RolloutAction, RolloutTransition } from '../../../src/rollout/machine/rollout-action.ts';
import type { RolloutSpec } from '../../../src/rollout/machine/rollout-spec.ts';
import type { MetricsWindow } from '../../../src/rollout/analysis/metrics-window.ts';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number): string => new Date(T0 + ms).toISOString();
const win = (requests: number, errors = 0, p99Ms: number | null = requests ? 5 : null): MetricsWindow => ({ requests, errors, p50Ms: p99Ms, p99Ms });
const none = win(0);

const canarySpec = parseRolloutSpec({
  canary: { steps: [{ weight: 20 }, { pause: '5s' }, { analysis: { duration: '10s', minRequests: 10 } }, { pause: {} }] },
});
const blueGreenSpec = parseRolloutSpec({ blueGreen: { preview: '5s', scaleDownDelay: '3s' } });
const HASH = stepsHash(canarySpec);

const running = { state: 'running', healthy: true, launchedAtMs: T0 } as const;
const baseSeen: RolloutObservation = {
  incarnation: 'i1',
  admitted: true,
  stable: running,
  canary: running,
  weights: { stable: 80, canary: 20 },
  previewing: false,
  recent: { canary: none, stable: none },
  step: { canary: none, stable: none },
};
const noRequests: RolloutRequests = { promotes: 0, promoteFull: false, abort: null };
const progressing = (patch: Partial<RolloutStatus>): RolloutStatus => ({
  ...initialStatus(HASH),
  phase: 'progressing',
  incarnation: 'i1',
  startedAt: at(0),
  stepStartedAt: at(0),
  message: 'x',
  ...patch,
});

interface Case {
  readonly name: string;
  readonly spec?: RolloutSpec;
  readonly stable?: string | null;
  readonly status: RolloutStatus;
  readonly seen?: Partial<RolloutObservation>;
  readonly requests?: Partial<RolloutRequests>;
  readonly now: number;
  readonly expect: {
    readonly status: Partial<RolloutStatus>;
    readonly actions: readonly RolloutAction[];
    readonly transitions?: readonly RolloutTransition['kind'][];
  };
}

const cases: Case[] = [
  {
    name: 'a queued rollout waits while the environment cap holds it',
    status: initialStatus(HASH),
    seen: { admitted: false },
    now: 0,
    expect: { status: { phase: 'queued' }, actions: [], transitions: [] },
  },
  {
    name: 'an admitted rollout starts at step 1, records the canary deployment and launches the new version',
    status: initialStatus(HASH),
    seen: { canary: { state: 'absent', healthy: false }, weights: { stable: 100, canary: 0 } },
    now: 1000,
    expect: {
      status: { phase: 'progressing', stepIndex: 0, stepStartedAt: null, startedAt: at(1000), incarnation: 'i1', message: 'step 1/4: 20% of traffic to the new version' },
      actions: [{ type: 'start-version', role: 'canary', version: 'v2' }],
      transitions: ['started'],
    },
  },
  {
    name: 'a first deployment skips the steps and promotes',
    stable: null,
    status: initialStatus(HASH),
    seen: { stable: null, canary: { state: 'absent', healthy: false }, weights: { stable: 0, canary: 0 } },
    now: 0,
    expect: {
      status: { phase: 'promoting', stepIndex: 4, incarnation: 'i1', startedAt: at(0), stepStartedAt: at(0) },
      actions: [
        { type: 'start-version', role: 'canary', version: 'v2' },
        { type: 'set-weights', weights: { stable: 0, canary: 100 } },
      ],
      transitions: ['started'],
    },
  },
  {
    name: 'a starting canary is waited for, with a wake-up at its deadline',
    status: progressing({}),
    seen: { canary: { state: 'starting', healthy: false, launchedAtMs: T0 }, weights: { stable: 100, canary: 0 } },
    now: 2000,
    expect: { status: { phase: 'progressing', canaryWeight: 0 }, actions: [{ type: 'wake-at', atMs: T0 + 30_000 }], transitions: [] },
  },
  {
    name: 'a canary not healthy by the deadline aborts and is stopped once it gets no traffic',
    status: progressing({}),
    seen: { canary: { state: 'starting', healthy: false, launchedAtMs: T0 }, weights: { stable: 100, canary: 0 } },
    now: 30_000,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'canary-never-healthy', message: 'v2 was not healthy within 30s', at: at(30_000) } },
      actions: [{ type: 'stop-version', role: 'canary', version: 'v2' }],
      transitions: ['aborted'],
    },
  },
  {
    name: "the first step's clock starts when the new version is healthy",
    status: progressing({ stepStartedAt: null }),
    seen: { weights: { stable: 100, canary: 0 } },
    now: 1200,
    expect: { status: { stepStartedAt: at(1200) }, actions: [], transitions: [] },
  },
  {
    name: 'the weight step first stores the weight and asks the gateway for it',
    status: progressing({}),
    seen: { weights: { stable: 100, canary: 0 } },
    now: 100,
    expect: { status: { canaryWeight: 20, stepIndex: 0 }, actions: [{ type: 'set-weights', weights: { stable: 80, canary: 20 } }], transitions: [] },
  },
  {
    name: 'the weight step advances once the gateway applies the weight',
    status: progressing({ canaryWeight: 20 }),
    now: 200,
    expect: { status: { stepIndex: 1, stepStartedAt: at(200), message: 'step 2/4: pause 5s' }, actions: [], transitions: ['step'] },
  },
  {
    name: 'a timed pause sleeps until its stored end',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(1000) }),
    now: 3000,
    expect: { status: { stepIndex: 1 }, actions: [{ type: 'wake-at', atMs: T0 + 6000 }], transitions: [] },
  },
  {
    name: 'a timed pause ends at its stored timestamp',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(1000) }),
    now: 6000,
    expect: { status: { stepIndex: 2, stepStartedAt: at(6000) }, actions: [], transitions: ['step'] },
  },
  {
    name: 'an error burst in the sliding window aborts at once and takes the traffic back in the same pass',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(1000) }),
    seen: { recent: { canary: win(6, 6), stable: win(30) } },
    now: 1500,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'analysis-failed', message: 'error rate 100.0% (6 of 6 requests) is above 5.0%; stable: 0.0%', at: at(1500) } },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['aborted'],
    },
  },
  {
    name: 'two errors in three requests are not yet conclusive',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(1000) }),
    seen: { recent: { canary: win(3, 2), stable: win(30) } },
    now: 1500,
    expect: { status: { phase: 'progressing' }, actions: [{ type: 'wake-at', atMs: T0 + 6000 }], transitions: [] },
  },
  {
    name: 'an analysis step passes with enough good traffic',
    status: progressing({ canaryWeight: 20, stepIndex: 2, stepStartedAt: at(0) }),
    seen: { step: { canary: win(50, 1), stable: win(200) } },
    now: 10_000,
    expect: { status: { stepIndex: 3, stepStartedAt: at(10_000) }, actions: [], transitions: ['step'] },
  },
  {
    name: 'an analysis step with too little traffic pauses instead of promoting or failing',
    status: progressing({ canaryWeight: 20, stepIndex: 2, stepStartedAt: at(0) }),
    seen: { step: { canary: win(4), stable: win(20) } },
    now: 10_000,
    expect: {
      status: { phase: 'paused', pause: { reason: 'inconclusive', since: at(10_000) }, stepIndex: 2 },
      actions: [],
      transitions: ['paused'],
    },
  },
  {
    name: 'slow canary p99 fails the analysis step',
    status: progressing({ canaryWeight: 20, stepIndex: 2, stepStartedAt: at(0) }),
    seen: { step: { canary: win(50, 0, 400), stable: win(200, 0, 20) } },
    now: 10_000,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'analysis-failed', message: 'p99 latency 400.0 ms is more than 3x the stable 20.0 ms', at: at(10_000) } },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['aborted'],
    },
  },
  {
    name: 'a pause without duration pauses until promoted',
    status: progressing({ canaryWeight: 20, stepIndex: 3 }),
    now: 500,
    expect: { status: { phase: 'paused', pause: { reason: 'until-promoted', since: at(500) } }, actions: [], transitions: ['paused'] },
  },
  {
    name: 'a paused rollout stays paused without a request',
    status: progressing({ phase: 'paused', canaryWeight: 20, stepIndex: 3, pause: { reason: 'until-promoted', since: at(0) } }),
    now: 60_000,
    expect: { status: { phase: 'paused' }, actions: [], transitions: [] },
  },
  {
    name: 'a promote request resumes a paused rollout; past the last step it promotes',
    status: progressing({ phase: 'paused', canaryWeight: 20, stepIndex: 3, pause: { reason: 'until-promoted', since: at(0) } }),
    requests: { promotes: 1 },
    now: 500,
    expect: {
      status: { phase: 'promoting', promotesHandled: 1, pause: null, stepIndex: 4, stepStartedAt: at(500) },
      actions: [{ type: 'set-weights', weights: { stable: 0, canary: 100 } }],
      transitions: ['resumed', 'promoting'],
    },
  },
  {
    name: 'a promote request already handled does nothing twice',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(0), promotesHandled: 1 }),
    requests: { promotes: 1 },
    now: 1000,
    expect: { status: { stepIndex: 1 }, actions: [{ type: 'wake-at', atMs: T0 + 5000 }], transitions: [] },
  },
  {
    name: 'promotion waits for the weights, then stores when the old version may stop',
    status: progressing({ phase: 'promoting', stepIndex: 4, canaryWeight: 20 }),
    seen: { weights: { stable: 0, canary: 100 } },
    now: 700,
    expect: { status: { scaleDownAt: at(700) }, actions: [], transitions: [] },
  },
  {
    name: 'after the scale-down time the old version is stopped',
    status: progressing({ phase: 'promoting', stepIndex: 4, scaleDownAt: at(700) }),
    seen: { weights: { stable: 0, canary: 100 } },
    now: 800,
    expect: { status: { phase: 'promoting' }, actions: [{ type: 'stop-version', role: 'stable', version: 'v1' }], transitions: [] },
  },
  {
    name: 'once the old version is gone the rollout succeeded and the new version is deployed on the primary slot',
    status: progressing({ phase: 'promoting', stepIndex: 4, scaleDownAt: at(700) }),
    seen: { weights: { stable: 0, canary: 100 }, stable: { state: 'absent', healthy: false } },
    now: 900,
    expect: { status: { phase: 'succeeded', finishedAt: at(900), message: 'v2 is live' }, actions: [{ type: 'stop-version', role: 'stable', version: 'v1' }], transitions: ['succeeded'] },
  },
  {
    name: 'a crashing canary aborts',
    status: progressing({ canaryWeight: 20, stepIndex: 1 }),
    seen: { canary: { state: 'exited', healthy: false, detail: 'exit code 1' } },
    now: 900,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'canary-crashed', message: 'v2 exited: exit code 1', at: at(900) } },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['aborted'],
    },
  },
  {
    name: 'a canary that could not launch aborts with the reason',
    status: progressing({}),
    seen: { canary: { state: 'failed', healthy: false, detail: 'port 4000 is in use' }, weights: { stable: 100, canary: 0 } },
    now: 900,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'canary-crashed', message: 'v2 could not start: port 4000 is in use', at: at(900) } },
      actions: [],
      transitions: ['aborted'],
    },
  },
  {
    name: 'an abort request rolls back',
    status: progressing({ canaryWeight: 20, stepIndex: 1 }),
    requests: { abort: { message: 'by alice' } },
    now: 900,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'requested', message: 'by alice', at: at(900) } },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['aborted'],
    },
  },
  {
    name: 'aborting finishes as rolled back once the canary has no traffic and is stopped',
    status: progressing({ phase: 'aborting', canaryWeight: 20, abort: { reason: 'requested', message: 'by alice', at: at(0) } }),
    seen: { weights: { stable: 100, canary: 0 }, canary: { state: 'absent', healthy: false } },
    now: 1000,
    expect: { status: { phase: 'rolled-back', finishedAt: at(1000), message: 'rolled back to v1: by alice' }, actions: [{ type: 'stop-version', role: 'canary', version: 'v2' }], transitions: ['rolled-back'] },
  },
  {
    name: 'after a restart the rollout adopts the new target and starts what is missing, keeping its step',
    status: progressing({ canaryWeight: 20, stepIndex: 1, stepStartedAt: at(0) }),
    seen: {
      incarnation: 'i2',
      stable: { state: 'absent', healthy: false },
      canary: { state: 'absent', healthy: false },
      weights: { stable: 100, canary: 0 },
    },
    now: 2000,
    expect: {
      status: { incarnation: 'i2', stepIndex: 1, stepStartedAt: at(0) },
      actions: [
        { type: 'start-version', role: 'stable', version: 'v1' },
        { type: 'start-version', role: 'canary', version: 'v2' },
        { type: 'set-weights', weights: { stable: 80, canary: 20 } },
      ],
      transitions: ['adopted'],
    },
  },
  {
    name: 'after a restart a rollout whose policy says so rolls back',
    spec: { ...canarySpec, onRestart: 'rollback' },
    status: progressing({ canaryWeight: 20, stepIndex: 1 }),
    seen: { incarnation: 'i2', canary: { state: 'absent', healthy: false }, weights: { stable: 100, canary: 0 } },
    now: 2000,
    expect: {
      status: { phase: 'aborting', incarnation: 'i2', abort: { reason: 'control-plane-restarted', message: 'the control plane restarted and this rollout rolls back on restart', at: at(2000) } },
      actions: [],
      transitions: ['aborted'],
    },
  },
  {
    name: 'changed steps restart the rollout at step 1',
    status: progressing({ canaryWeight: 20, stepIndex: 2, stepsHash: 'deadbeef' }),
    now: 100,
    expect: {
      status: { stepIndex: 0, canaryWeight: 0, stepsHash: HASH, stepStartedAt: at(100) },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['steps-changed'],
    },
  },
  {
    name: 'blue-green: the preview step turns the preview route on and waits',
    spec: blueGreenSpec,
    status: progressing({ stepsHash: stepsHash(blueGreenSpec) }),
    seen: { weights: { stable: 100, canary: 0 } },
    now: 100,
    expect: { status: { phase: 'progressing', stepIndex: 0 }, actions: [{ type: 'set-preview', enabled: true }], transitions: [] },
  },
  {
    name: 'blue-green: at the end of the preview the switch sends all traffic and turns the preview off',
    spec: blueGreenSpec,
    status: progressing({ stepsHash: stepsHash(blueGreenSpec) }),
    seen: { weights: { stable: 100, canary: 0 }, previewing: true },
    now: 5000,
    expect: {
      status: { phase: 'promoting', stepIndex: 1, stepStartedAt: at(5000) },
      actions: [
        { type: 'set-weights', weights: { stable: 0, canary: 100 } },
        { type: 'set-preview', enabled: false },
      ],
      transitions: ['promoting'],
    },
  },
  {
    name: 'blue-green: errors after the switch switch back while the old version still runs',
    spec: blueGreenSpec,
    status: progressing({ stepsHash: stepsHash(blueGreenSpec), phase: 'promoting', stepIndex: 1, scaleDownAt: at(8000) }),
    seen: { weights: { stable: 0, canary: 100 }, recent: { canary: win(40, 10), stable: none } },
    now: 6000,
    expect: {
      status: { phase: 'aborting', abort: { reason: 'analysis-failed', message: 'error rate 25.0% (10 of 40 requests) is above 5.0%', at: at(6000) } },
      actions: [{ type: 'set-weights', weights: { stable: 100, canary: 0 } }],
      transitions: ['aborted'],
    },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const pass = reconcileRollout({
      spec: c.spec ?? canarySpec,
      stableVersion: c.stable === undefined ? 'v1' : c.stable,
      canaryVersion: 'v2',
      status: c.status,
      requests: { ...noRequests, ...c.requests },
      observation: { ...baseSeen, ...c.seen },
      nowMs: T0 + c.now,
    });
    // the exact next status: the case's patch over the previous one (messages checked where named)
    const expected = { ...c.status, ...c.expect.status };
    const { lastAnalysis: _actualAnalysis, message: actualMessage, ...actual } = pass.status;
    const { lastAnalysis: _expectedAnalysis, message: expectedMessage, ...wanted } = expected;
    assert.deepEqual(actual, wanted, 'status');
    if (c.expect.status.message !== undefined) assert.equal(actualMessage, expectedMessage, 'message');
    assert.deepEqual(pass.actions, c.expect.actions, 'actions');
    if (c.expect.transitions) assert.deepEqual(pass.transitions.map((t) => t.kind), c.expect.transitions, 'transitions');
  });
}
