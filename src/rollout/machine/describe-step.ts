import type { RolloutStep } from './rollout-spec.ts';

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** A few words for a step, used in status messages and the terminal view. */
export function describeStep(step: RolloutStep): string {
  switch (step.kind) {
    case 'weight':
      return `${step.weight}% of traffic to the new version`;
    case 'pause':
      return step.durationMs === undefined ? 'pause until promoted' : `pause ${seconds(step.durationMs)}`;
    case 'analysis':
      return `analyse for ${seconds(step.durationMs)}`;
    case 'preview':
      return step.durationMs === undefined ? 'preview until promoted' : `preview for ${seconds(step.durationMs)}`;
  }
}
