import { analyseWindow } from '../analysis/analyse-window.ts';
import type { RolloutAction, RolloutTransition } from './rollout-action.ts';
import type { RolloutInput, RolloutPass } from './rollout-input.ts';
import type { AbortReason, RolloutStatus } from './rollout-status.ts';
import { TERMINAL_PHASES } from './rollout-status.ts';
import { convergeActions, versionGone } from './desired-state.ts';
import { describeStep } from './describe-step.ts';
import { stepsHash } from './steps-hash.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * One reconcile pass: observe (the input), derive, advance at most one gate, and say what to
 * store and do. Checks run in a fixed order — terminal, queue, restart policy, abort request,
 * changed steps, aborting, health of the new version, sliding-window analysis, promotion,
 * promote requests, pause, the current step — and the first that decides ends the pass.
 */
export function reconcileRollout(input: RolloutInput): RolloutPass {
  const { spec, observation: seen, requests, nowMs } = input;
  const now = iso(nowMs);
  const status = input.status;
  const steps = spec.steps;

  const finish = (next: RolloutStatus, transitions: RolloutTransition[] = [], extra: RolloutAction[] = []): RolloutPass => ({
    status: next,
    actions: [...convergeActions(input, next), ...extra],
    transitions,
  });
  const abort = (reason: AbortReason, message: string, from: RolloutStatus = status): RolloutPass =>
    finish(
      { ...from, phase: 'aborting', pause: null, abort: { reason, message, at: now }, message: `rolling back: ${message}` },
      [{ kind: 'aborted', message, deployments: [] }],
    );
  const advance = (from: RolloutStatus, transitions: RolloutTransition[] = []): RolloutPass => {
    const index = from.stepIndex + 1;
    if (index >= steps.length) {
      return finish(
        { ...from, phase: 'promoting', stepIndex: steps.length, stepStartedAt: now, pause: null, message: 'promoting: all traffic to the new version' },
        [...transitions, { kind: 'promoting', message: `all ${steps.length} steps done; promoting ${input.canaryVersion}`, deployments: [] }],
      );
    }
    const message = `step ${index + 1}/${steps.length}: ${describeStep(steps[index]!)}`;
    return finish({ ...from, phase: 'progressing', stepIndex: index, stepStartedAt: now, pause: null, message }, [
      ...transitions,
      { kind: 'step', message, deployments: [] },
    ]);
  };

  if (TERMINAL_PHASES.has(status.phase)) return { status, actions: [], transitions: [] };

  if (status.phase === 'queued') {
    if (requests.abort) {
      return finish({ ...status, phase: 'rolled-back', abort: { reason: 'requested', message: requests.abort.message, at: now }, message: `aborted while queued: ${requests.abort.message}`, finishedAt: now }, [
        { kind: 'rolled-back', message: `aborted while queued: ${requests.abort.message}`, deployments: [] },
      ]);
    }
    if (!seen.admitted) return { status, actions: [], transitions: [] };
    const first = input.stableVersion === null;
    const message = first
      ? `first deployment of ${input.canaryVersion}: no stable version to compare with`
      : `step 1/${steps.length}: ${describeStep(steps[0]!)}`;
    return finish(
      {
        ...status,
        phase: first || steps.length === 0 ? 'promoting' : 'progressing',
        stepIndex: first ? steps.length : 0,
        // the first step's clock starts when the new version is healthy (see below)
        stepStartedAt: first ? now : null,
        startedAt: now,
        incarnation: seen.incarnation,
        message,
      },
      [{ kind: 'started', message: `rollout of ${input.canaryVersion} started${input.stableVersion ? ` over ${input.stableVersion}` : ''}`, deployments: [{ version: input.canaryVersion, slot: 'canary', kind: 'deployed' }] }],
    );
  }

  if (status.incarnation !== seen.incarnation) {
    const adopted = { ...status, incarnation: seen.incarnation };
    if (spec.onRestart === 'rollback' && status.phase !== 'aborting') {
      return abort('control-plane-restarted', 'the control plane restarted and this rollout rolls back on restart', adopted);
    }
    return finish(adopted, [{ kind: 'adopted', message: `control plane restarted; resuming (${status.message})`, deployments: [] }]);
  }

  if (requests.abort && status.phase !== 'aborting') return abort('requested', requests.abort.message);

  const hash = stepsHash(spec);
  if (status.stepsHash !== hash && (status.phase === 'progressing' || status.phase === 'paused')) {
    const message = `the steps changed; restarting at step 1/${steps.length}`;
    return finish({ ...status, phase: 'progressing', stepsHash: hash, stepIndex: 0, stepStartedAt: now, canaryWeight: 0, pause: null, message }, [
      { kind: 'steps-changed', message, deployments: [] },
    ]);
  }

  if (status.phase === 'aborting') {
    if (seen.weights.canary === 0 && versionGone(seen.canary.state)) {
      const message = `rolled back to ${input.stableVersion ?? 'nothing'}: ${status.abort?.message ?? 'aborted'}`;
      // a last stop: after a restart the new version may still run from the previous incarnation, unseen here
      return finish(
        { ...status, phase: 'rolled-back', finishedAt: now, message },
        [{ kind: 'rolled-back', message, deployments: [{ version: input.canaryVersion, slot: 'canary', kind: 'undeployed' }] }],
        [{ type: 'stop-version', role: 'canary', version: input.canaryVersion }],
      );
    }
    return finish(status);
  }

  const canary = seen.canary;
  if (canary.state === 'failed') return abort('canary-crashed', `${input.canaryVersion} could not start: ${canary.detail ?? 'unknown error'}`);
  if (canary.state === 'exited') return abort('canary-crashed', `${input.canaryVersion} exited: ${canary.detail ?? 'no reason given'}`);
  if (canary.state === 'running' && !canary.healthy) return abort('canary-unhealthy', `${input.canaryVersion} failed its health check${canary.detail ? `: ${canary.detail}` : ''}`);
  if (canary.state === 'starting' && canary.launchedAtMs !== undefined && nowMs - canary.launchedAtMs >= spec.progressDeadlineMs) {
    return abort('canary-never-healthy', `${input.canaryVersion} was not healthy within ${spec.progressDeadlineMs / 1000}s`);
  }
  if (canary.state !== 'running') {
    const wake: RolloutAction[] = canary.launchedAtMs === undefined ? [] : [{ type: 'wake-at', atMs: canary.launchedAtMs + spec.progressDeadlineMs }];
    return finish(status, [], wake);
  }

  if (status.stepStartedAt === null) return finish({ ...status, stepStartedAt: now });

  if (seen.weights.canary > 0 || seen.previewing) {
    const recent = analyseWindow(spec.analysis, seen.recent.canary, input.stableVersion ? seen.recent.stable : null, { latency: false });
    if (recent.outcome === 'fail') return abort('analysis-failed', recent.reason, { ...status, lastAnalysis: recent });
  }

  if (status.phase === 'promoting') {
    if (seen.weights.canary !== 100) return finish(status);
    if (status.scaleDownAt === null) return finish({ ...status, scaleDownAt: iso(nowMs + spec.scaleDownDelayMs) });
    const scaleDownAtMs = Date.parse(status.scaleDownAt);
    if (nowMs < scaleDownAtMs) return finish(status, [], [{ type: 'wake-at', atMs: scaleDownAtMs }]);
    if (input.stableVersion !== null && !versionGone(seen.stable?.state)) {
      return finish(status, [], [{ type: 'stop-version', role: 'stable', version: input.stableVersion }]);
    }
    const message = `${input.canaryVersion} is live`;
    const retire: RolloutAction[] = input.stableVersion === null ? [] : [{ type: 'stop-version', role: 'stable', version: input.stableVersion }];
    return finish({ ...status, phase: 'succeeded', finishedAt: now, message }, [
      {
        kind: 'succeeded',
        message: `${input.canaryVersion} promoted${input.stableVersion ? `, ${input.stableVersion} stopped` : ''}`,
        deployments: [
          { version: input.canaryVersion, slot: 'canary', kind: 'undeployed' },
          { version: input.canaryVersion, slot: 'primary', kind: 'deployed' },
        ],
      },
    ], retire);
  }

  if (requests.promoteFull) {
    return finish(
      { ...status, phase: 'promoting', stepIndex: steps.length, stepStartedAt: now, pause: null, promotesHandled: requests.promotes, message: 'promoting on request' },
      [{ kind: 'promoting', message: `promoted fully on request, skipping the remaining steps`, deployments: [] }],
    );
  }
  if (requests.promotes > status.promotesHandled) {
    const handled = { ...status, promotesHandled: requests.promotes };
    const resumed: RolloutTransition[] = status.phase === 'paused' ? [{ kind: 'resumed', message: 'promoted on request', deployments: [] }] : [];
    return advance(handled, resumed);
  }
  if (status.phase === 'paused') return finish(status);

  if (status.stepIndex >= steps.length) return advance({ ...status, stepIndex: steps.length - 1 });
  const step = steps[status.stepIndex]!;
  const stepStartedMs = Date.parse(status.stepStartedAt ?? now);
  const pauseUntilPromoted = (reason: 'until-promoted' | 'inconclusive', message: string, extra: Partial<RolloutStatus> = {}): RolloutPass =>
    finish({ ...status, ...extra, phase: 'paused', pause: { reason, since: now }, message }, [{ kind: 'paused', message, deployments: [] }]);

  switch (step.kind) {
    case 'weight':
      if (status.canaryWeight !== step.weight) return finish({ ...status, canaryWeight: step.weight });
      return seen.weights.canary === step.weight ? advance(status) : finish(status);
    case 'pause':
    case 'preview': {
      if (step.kind === 'preview' && !seen.previewing) return finish(status);
      if (step.durationMs === undefined) {
        return pauseUntilPromoted('until-promoted', `paused at step ${status.stepIndex + 1}/${steps.length} until promoted`);
      }
      const end = stepStartedMs + step.durationMs;
      return nowMs >= end ? advance(status) : finish(status, [], [{ type: 'wake-at', atMs: end }]);
    }
    case 'analysis': {
      const end = stepStartedMs + step.durationMs;
      if (nowMs < end) return finish(status, [], [{ type: 'wake-at', atMs: end }]);
      const result = analyseWindow(step.thresholds, seen.step.canary, input.stableVersion ? seen.step.stable : null);
      if (result.outcome === 'fail') return abort('analysis-failed', result.reason, { ...status, lastAnalysis: result });
      if (result.outcome === 'inconclusive') {
        return pauseUntilPromoted('inconclusive', `analysis inconclusive at step ${status.stepIndex + 1}/${steps.length}: ${result.reason}; promote or abort`, {
          lastAnalysis: result,
        });
      }
      return advance({ ...status, lastAnalysis: result });
    }
  }
}
