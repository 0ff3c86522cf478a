import type { RolloutView } from '../../rollout/runner/rollout-view.ts';
import type { RolloutEvent } from '../../rollout/runner/rollout-store.ts';

const MARK: Readonly<Record<string, string>> = { done: '✓', current: '▶', next: ' ' };

/** The terminal view of one rollout: where it is in its steps, its split, its last analysis, its history. */
export function renderRollout(rollout: RolloutView, events: readonly RolloutEvent[] = rollout.events ?? []): string {
  const status = rollout.status;
  const lines: string[] = [];
  const from = rollout.stableVersion ?? '(nothing)';
  lines.push(`rollout #${rollout.id}  ${rollout.service} ${from} -> ${rollout.version}  in ${rollout.environment}  (${rollout.strategy})`);
  lines.push(`phase: ${rollout.phase}${status.pause ? ` (${status.pause.reason})` : ''}   traffic to ${rollout.version}: ${weightOf(rollout)}%`);
  lines.push(`  ${status.message}`);
  const finished = rollout.phase === 'succeeded' || rollout.phase === 'promoting';
  rollout.steps.forEach((step, index) => {
    const state = finished || index < status.stepIndex ? 'done' : index === status.stepIndex && rollout.phase !== 'rolled-back' ? 'current' : 'next';
    lines.push(`  ${MARK[state]} ${index + 1}. ${step}`);
  });
  lines.push(`  ${rollout.phase === 'succeeded' ? MARK.done : rollout.phase === 'promoting' ? MARK.current : ' '} promote: all traffic to ${rollout.version}`);
  if (status.lastAnalysis) lines.push(`last analysis: ${status.lastAnalysis.outcome} — ${status.lastAnalysis.reason}`);
  if (status.abort) lines.push(`rolled back because: ${status.abort.message} (${status.abort.reason})`);
  if (events.length > 0) {
    lines.push('history:');
    for (const event of events.slice(-8)) lines.push(`  ${event.at.slice(11, 23)}  ${event.kind.padEnd(13)} ${event.message}`);
  }
  return lines.join('\n');
}

function weightOf(rollout: RolloutView): number {
  switch (rollout.phase) {
    case 'promoting':
    case 'succeeded':
      return 100;
    case 'aborting':
    case 'rolled-back':
    case 'queued':
      return 0;
    default:
      return rollout.status.canaryWeight;
  }
}

/** One line per rollout, for lists. */
export function renderRolloutLine(rollout: RolloutView): string {
  const step = rollout.status.stepIndex < rollout.steps.length ? `step ${rollout.status.stepIndex + 1}/${rollout.steps.length}` : 'all steps done';
  return `#${String(rollout.id).padEnd(4)} ${rollout.environment.padEnd(12)} ${rollout.service}@${rollout.version}`.padEnd(40) + ` ${rollout.phase.padEnd(12)} ${step.padEnd(15)} ${rollout.status.message}`;
}
