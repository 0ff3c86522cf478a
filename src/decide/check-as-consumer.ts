import { refLabel, type LiveRef } from './live-ref.ts';
import type { DecisionContext } from './decision-context.ts';
import type { ProvidedContract } from '../model/snapshot.ts';
import { MESSAGES } from './messages.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';
import { isRollback } from './is-rollback.ts';
import { breakingChanges, breakingFindings, hasExpectation } from './safe-check.ts';

/**
 * The candidate as consumer: each dependency must have a live provider (unless optional or behind
 * a flag that is off), and every live version of every provider must serve what it relies on.
 */
export function checkAsConsumer(context: DecisionContext): void {
  const candidate = context.candidate!;
  for (const consumed of candidate.consumes) {
    const iface = consumed.interface;
    if (context.flagOff(consumed.flag)) {
      context.add({ code: 'OPTIONAL_DEPENDENCY_SKIPPED', interface: iface, message: MESSAGES.optionalFlagOff(context.label, iface, consumed.flag!) });
      continue;
    }
    const providers = context.index.providers.get(iface) ?? [];
    const providesItself = candidate.provides.some((provided) => provided.interface === iface);
    if (providers.length === 0 && !providesItself) {
      if (consumed.required) context.add({ code: 'PROVIDER_MISSING', interface: iface, message: MESSAGES.providerMissing(context.label, iface) });
      else context.add({ code: 'OPTIONAL_DEPENDENCY_SKIPPED', interface: iface, message: MESSAGES.optionalAbsent(context.label, iface) });
      continue;
    }
    // A live writer of a store has written already: refusing a reader rollback says so.
    const rollback = carriesDataAtRest(iface) && isRollback(context);
    const checked: { ref: LiveRef; provided: ProvidedContract }[] = [];
    for (const { ref, provided } of providers) {
      if (context.ignored(ref)) continue;
      checked.push({ ref, provided });
      const other = refLabel(ref);
      for (const finding of breakingFindings(context, provided, consumed, other)) {
        context.add({
          code: rollback ? 'ROLLBACK_UNSAFE' : 'PROVIDER_BROKEN',
          interface: iface,
          counterpart: other,
          rule: finding.rule,
          message: rollback
            ? MESSAGES.rollbackUnsafe(context.label, other, iface, finding, liveSince(context, ref))
            : MESSAGES.providerBroken(context.label, other, iface, finding),
          location: finding.after ?? finding.before,
        });
      }
    }
    if (!hasExpectation(consumed) && checked.length > 0) {
      context.add({ code: 'UNVERSIONED_CONTRACT', interface: iface, counterpart: refLabel(checked[0]!.ref), message: MESSAGES.unversionedConsumer(context.label, iface, checked[0]!.ref.service) });
      checkProviderVersionsAgree(context, checked);
    }
  }
}

/**
 * A consumer without an expectation talks to every live provider version; conservatively, a
 * breaking change between any two of them (older to newer, by publication) breaks it.
 */
function checkProviderVersionsAgree(context: DecisionContext, providers: readonly { ref: LiveRef; provided: ProvidedContract }[]): void {
  const byService = new Map<string, { ref: LiveRef; provided: ProvidedContract }[]>();
  for (const entry of providers) {
    const list = byService.get(entry.ref.service) ?? [];
    list.push(entry);
    byService.set(entry.ref.service, list);
  }
  for (const list of byService.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.ref.published!.publishedAt < b.ref.published!.publishedAt ? -1 : 1));
    for (let i = 0; i + 1 < list.length; i++) {
      const older = list[i]!;
      const newer = list[i + 1]!;
      const label = refLabel(newer.ref);
      for (const finding of breakingChanges(context, older.provided, newer.provided, label)) {
        context.add({
          code: 'PROVIDER_BROKEN',
          interface: newer.provided.interface,
          counterpart: label,
          rule: finding.rule,
          message: MESSAGES.providerBrokenConservative(context.label, refLabel(older.ref), label, newer.provided.interface, finding),
          location: finding.after ?? finding.before,
        });
      }
    }
  }
}

function liveSince(context: DecisionContext, ref: LiveRef): string {
  const times = context.input.snapshot.live.filter((x) => x.service === ref.service && x.version === ref.version).map((x) => x.since);
  return times.sort()[0] ?? context.input.snapshot.at;
}
