import { checkAsConsumer } from './check-as-consumer.ts';
import { checkAsProvider } from './check-as-provider.ts';
import { checkDataAtRest } from './check-data-at-rest.ts';
import { checkRolloutWindow } from './check-rollout-window.ts';
import { DecisionContext } from './decision-context.ts';
import type { DecisionInput } from './decision-input.ts';
import { refLabel } from './live-ref.ts';
import { MESSAGES } from './messages.ts';
import { verdictOf, type Verdict } from './verdict.ts';
import { versionKey } from '../model/snapshot.ts';

/**
 * Can this version go to this environment now, on its own? Pure: the snapshot is the whole world
 * and `snapshot.at` is now. Every check runs even after a no, so the answer lists everything that
 * breaks, and an unknown somewhere never hides a known no elsewhere.
 */
export function decide(input: DecisionInput): Verdict {
  const context = new DecisionContext(input);
  if (!context.candidate) {
    const known = input.versions.get(versionKey(input.candidate.service, input.candidate.version));
    context.add({
      code: 'CONTRACTS_UNKNOWN',
      counterpart: context.label,
      message: MESSAGES.contractsUnknown(context.label, context.label, known ? 'was recorded without contracts' : 'was never published'),
    });
    return finish(context);
  }
  for (const ref of context.neighbours) {
    if (ref.published || context.ignored(ref)) continue;
    const known = input.versions.get(versionKey(ref.service, ref.version));
    const label = refLabel(ref);
    context.add({
      code: 'CONTRACTS_UNKNOWN',
      counterpart: label,
      message: MESSAGES.contractsUnknown(context.label, label, known ? 'was recorded without contracts' : 'was never published'),
    });
  }
  checkAsConsumer(context);
  checkAsProvider(context);
  checkRolloutWindow(context);
  checkDataAtRest(context);
  return finish(context);
}

function finish(context: DecisionContext): Verdict {
  const reasons = context.reasons;
  return { verdict: verdictOf(reasons), reasons };
}
