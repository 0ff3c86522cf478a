import type { RolloutAction } from './rollout-action.ts';
import type { RolloutInput } from './rollout-input.ts';
import type { RolloutStatus } from './rollout-status.ts';

/** The traffic split a status asks for. */
export function desiredWeights(status: RolloutStatus, hasStable: boolean): { stable: number; canary: number } {
  if (!hasStable) return { stable: 0, canary: 100 };
  if (status.phase === 'aborting' || status.phase === 'rolled-back' || status.phase === 'queued') return { stable: 100, canary: 0 };
  if (status.phase === 'promoting' || status.phase === 'succeeded') return { stable: 0, canary: 100 };
  return { stable: 100 - status.canaryWeight, canary: status.canaryWeight };
}

const gone = (state: string | undefined): boolean => state === undefined || state === 'absent' || state === 'exited' || state === 'failed';

/**
 * The actions that bring the target to what `status` asks for, given what was observed. Derived
 * afresh on every pass (level, not edge), so an action lost to a crash is simply issued again.
 */
export function convergeActions(input: RolloutInput, status: RolloutStatus): RolloutAction[] {
  const { observation: seen, spec } = input;
  const actions: RolloutAction[] = [];
  const live = status.phase !== 'queued' && status.phase !== 'succeeded' && status.phase !== 'rolled-back';
  if (!live) return actions;
  if (input.stableVersion !== null && seen.stable?.state === 'absent') {
    const retired = status.phase === 'promoting' && status.scaleDownAt !== null && Date.parse(status.scaleDownAt) <= input.nowMs;
    if (!retired) actions.push({ type: 'start-version', role: 'stable', version: input.stableVersion });
  }
  if (status.phase !== 'aborting' && seen.canary.state === 'absent') {
    actions.push({ type: 'start-version', role: 'canary', version: input.canaryVersion });
  }
  const weights = desiredWeights(status, input.stableVersion !== null);
  if (weights.stable !== seen.weights.stable || weights.canary !== seen.weights.canary) actions.push({ type: 'set-weights', weights });
  const step = spec.steps[status.stepIndex];
  const preview = (status.phase === 'progressing' || status.phase === 'paused') && step?.kind === 'preview';
  if (preview !== seen.previewing) actions.push({ type: 'set-preview', enabled: preview });
  if (status.phase === 'aborting' && seen.weights.canary === 0 && !gone(seen.canary.state)) {
    actions.push({ type: 'stop-version', role: 'canary', version: input.canaryVersion });
  }
  return actions;
}

export { gone as versionGone };
