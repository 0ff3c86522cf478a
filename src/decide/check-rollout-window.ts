import { carriesDataAtRest } from '../model/interface-id.ts';
import type { DecisionContext } from './decision-context.ts';
import { refLabel } from './live-ref.ts';
import { MESSAGES } from './messages.ts';
import { breakingFindings } from './safe-check.ts';

/**
 * Old and new versions of the candidate run side by side while it rolls out (and for good, on
 * targets it does not replace). Where they share a store or a topic, each must read what the other
 * writes. Old versions against live neighbours are left alone: those pairs run today already, and
 * refusing them would block the very deployment that fixes them.
 */
export function checkRolloutWindow(context: DecisionContext): void {
  const candidate = context.candidate!;
  for (const old of context.oldSelf) {
    if (!old.published || context.ignored(old)) continue;
    const other = refLabel(old);
    for (const provided of candidate.provides) {
      if (!carriesDataAtRest(provided.interface)) continue;
      const consumed = old.published.consumes.find((x) => x.interface === provided.interface);
      if (!consumed || context.flagOff(consumed.flag)) continue;
      for (const finding of breakingFindings(context, provided, consumed, other)) {
        context.add({
          code: 'ROLLOUT_WINDOW_BROKEN',
          interface: provided.interface,
          counterpart: other,
          rule: finding.rule,
          message: MESSAGES.windowNewWritesOldReads(context.label, other, provided.interface, finding),
          location: finding.after ?? finding.before,
        });
      }
    }
    for (const consumed of candidate.consumes) {
      if (!carriesDataAtRest(consumed.interface) || context.flagOff(consumed.flag)) continue;
      const provided = old.published.provides.find((x) => x.interface === consumed.interface);
      if (!provided) continue;
      for (const finding of breakingFindings(context, provided, consumed, other)) {
        context.add({
          code: 'ROLLOUT_WINDOW_BROKEN',
          interface: consumed.interface,
          counterpart: other,
          rule: finding.rule,
          message: MESSAGES.windowOldWritesNewReads(context.label, other, consumed.interface, finding),
          location: finding.after ?? finding.before,
        });
      }
    }
  }
}
