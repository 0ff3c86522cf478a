import type { Finding } from '../model/finding.ts';
import type { ConsumedContract, ProvidedContract } from '../model/snapshot.ts';
import type { DecisionContext } from './decision-context.ts';
import { MESSAGES } from './messages.ts';

/**
 * Runs one pair check and keeps its breaking findings. A check that cannot run (kinds disagree,
 * no engine, unreadable contract) becomes an `unknown` reason instead of stopping the decision:
 * the other pairs are still checked, so a known no is never hidden.
 */
export function breakingFindings(
  context: DecisionContext,
  provided: ProvidedContract,
  consumed: ConsumedContract,
  other: string,
): readonly Finding[] {
  return guarded(context, provided.interface, other, provided.kind, consumed.kind, () =>
    context.input.checker.check(provided.kind, provided, consumed),
  );
}

/** Provider version to provider version, for consumers that declared no expectation. */
export function breakingChanges(
  context: DecisionContext,
  before: ProvidedContract,
  after: ProvidedContract,
  other: string,
): readonly Finding[] {
  return guarded(context, after.interface, other, before.kind, after.kind, () => context.input.checker.compare(after.kind, before, after));
}

function guarded(
  context: DecisionContext,
  iface: string,
  other: string,
  leftKind: string,
  rightKind: string,
  run: () => readonly Finding[],
): readonly Finding[] {
  if (leftKind !== rightKind) {
    context.add({
      code: 'CHECK_UNAVAILABLE',
      interface: iface,
      counterpart: other,
      message: MESSAGES.checkUnavailable(context.label, other, iface, `one side describes it as ${leftKind}, the other as ${rightKind}`),
    });
    return [];
  }
  try {
    return run().filter((finding) => finding.severity === 'breaking');
  } catch (error) {
    context.add({
      code: 'CHECK_UNAVAILABLE',
      interface: iface,
      counterpart: other,
      message: MESSAGES.checkUnavailable(context.label, other, iface, error instanceof Error ? error.message : String(error)),
    });
    return [];
  }
}

export function hasExpectation(consumed: ConsumedContract): boolean {
  return consumed.contract !== undefined || consumed.formats !== undefined || (consumed.operations?.length ?? 0) > 0;
}
