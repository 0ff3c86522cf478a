import type { DecisionContext } from './decision-context.ts';
import { DECISION_RULES } from './decision-rules.ts';
import { refLabel } from './live-ref.ts';
import { MESSAGES } from './messages.ts';
import { breakingChanges, breakingFindings, hasExpectation } from './safe-check.ts';
import { isRollback } from './is-rollback.ts';

/**
 * The candidate as provider: every live consumer of what it provides must still be served, and a
 * consumer must not lose an interface it requires that only this service provided.
 */
export function checkAsProvider(context: DecisionContext): void {
  const candidate = context.candidate!;
  const rollback = isRollback(context);
  for (const provided of candidate.provides) {
    const iface = provided.interface;
    for (const { ref, consumed } of context.index.consumers.get(iface) ?? []) {
      if (context.flagOff(consumed.flag) || context.ignored(ref)) continue;
      const other = refLabel(ref);
      if (hasExpectation(consumed)) {
        for (const finding of breakingFindings(context, provided, consumed, other)) {
          context.add({
            code: 'CONSUMER_BROKEN',
            interface: iface,
            counterpart: other,
            rule: finding.rule,
            message: MESSAGES.consumerBroken(context.label, other, iface, finding, rollback),
            location: finding.after ?? finding.before,
          });
        }
        continue;
      }
      context.add({ code: 'UNVERSIONED_CONTRACT', interface: iface, counterpart: other, message: MESSAGES.unversionedConsumer(other, iface, candidate.service) });
      for (const old of context.oldSelf) {
        const before = old.published?.provides.find((x) => x.interface === iface);
        if (!before) continue;
        for (const finding of breakingChanges(context, before, provided, other)) {
          context.add({
            code: 'CONSUMER_BROKEN',
            interface: iface,
            counterpart: other,
            rule: finding.rule,
            message: MESSAGES.consumerBrokenConservative(context.label, other, refLabel(old), iface, finding),
            location: finding.after ?? finding.before,
          });
        }
      }
    }
  }
  checkRemovedInterfaces(context);
}

/** An interface the old versions provided and the candidate drops, still required by a live consumer. */
function checkRemovedInterfaces(context: DecisionContext): void {
  const candidate = context.candidate!;
  const kept = new Set(candidate.provides.map((x) => x.interface));
  for (const ref of context.remainingSelf) for (const x of ref.published?.provides ?? []) kept.add(x.interface);
  const dropped = new Set<string>();
  for (const old of context.oldSelf) {
    for (const x of old.published?.provides ?? []) if (!kept.has(x.interface)) dropped.add(x.interface);
  }
  for (const iface of dropped) {
    if ((context.index.providers.get(iface)?.length ?? 0) > 0) continue;
    for (const { ref, consumed } of context.index.consumers.get(iface) ?? []) {
      if (!consumed.required || context.flagOff(consumed.flag) || context.ignored(ref)) continue;
      const other = refLabel(ref);
      context.add({
        code: 'CONSUMER_BROKEN',
        interface: iface,
        counterpart: other,
        rule: DECISION_RULES.INTERFACE_PROVIDED,
        message: MESSAGES.interfaceRemoved(context.label, other, iface),
      });
    }
  }
}
