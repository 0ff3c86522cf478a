import type { RolloutAction } from '../machine/rollout-action.ts';
import type { Target } from '../targets/target.ts';
import type { RolloutRecord } from './rollout-record.ts';

/** Applies a stored pass's actions to the target; returns the earliest wake-up asked for. */
export async function applyActions(target: Target, rollout: RolloutRecord, actions: readonly RolloutAction[]): Promise<number | null> {
  let wakeAt: number | null = null;
  for (const action of actions) {
    switch (action.type) {
      case 'start-version': {
        const run = action.role === 'canary' ? rollout.run : rollout.stableRun;
        if (run) await target.startVersion(run);
        break;
      }
      case 'stop-version':
        await target.stopVersion(rollout.service, action.version);
        break;
      case 'set-weights': {
        // stable first: sticky clients keep the low end of the range, the new version grows at the top
        const weights: Record<string, number> = {};
        if (rollout.stableVersion !== null) weights[rollout.stableVersion] = action.weights.stable;
        weights[rollout.version] = action.weights.canary;
        await target.setWeights(rollout.service, weights);
        break;
      }
      case 'set-preview':
        await target.setPreview(rollout.service, action.enabled ? rollout.version : null);
        break;
      case 'wake-at':
        wakeAt = wakeAt === null ? action.atMs : Math.min(wakeAt, action.atMs);
        break;
    }
  }
  return wakeAt;
}
