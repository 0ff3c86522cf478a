import { carriesDataAtRest } from '../model/interface-id.ts';
import { versionKey, type LiveSpan } from '../model/snapshot.ts';
import type { DecisionContext } from './decision-context.ts';
import { isRollback } from './is-rollback.ts';
import { refLabel } from './live-ref.ts';
import { MESSAGES } from './messages.ts';
import { breakingFindings } from './safe-check.ts';

/**
 * Data outlives the version that wrote it. For every store or topic the candidate reads, each
 * version that was live here within the interface's retention has left data that is still there,
 * and the candidate must read all of it. Live writers are checked as providers and old versions
 * of the candidate by the rollout window; this covers the ones that are gone but whose data is not.
 */
export function checkDataAtRest(context: DecisionContext): void {
  const candidate = context.candidate!;
  const reads = candidate.consumes.filter((x) => carriesDataAtRest(x.interface) && !context.flagOff(x.flag));
  if (reads.length === 0) return;
  const { snapshot, versions } = context.input;
  const live = new Set(snapshot.live.map((x) => versionKey(x.service, x.version)));
  const self = versionKey(candidate.service, candidate.version);
  const spans = new Map<string, LiveSpan[]>();
  for (const span of snapshot.history) {
    const key = versionKey(span.service, span.version);
    if (key === self || live.has(key)) continue;
    const list = spans.get(key) ?? [];
    list.push(span);
    spans.set(key, list);
  }
  const rollback = isRollback(context);
  for (const [key, list] of spans) {
    const first = list[0]!;
    const writer = { service: first.service, version: first.version };
    const label = refLabel(writer);
    const published = versions.get(key);
    for (const consumed of reads) {
      const provided = published?.hasContracts ? published.provides.find((x) => x.interface === consumed.interface) : undefined;
      if (published?.hasContracts && !provided) continue;
      const lastTo = latestEnd(list);
      const retention = provided?.retentionMs;
      if (lastTo !== undefined && retention !== undefined && context.nowMs - lastTo >= retention) continue;
      if (context.ignored(writer)) break;
      if (!provided) {
        // A writer without contracts only matters if it could have written here; without its
        // contracts nobody knows, so every store the candidate reads is in doubt.
        context.add({
          code: 'CONTRACTS_UNKNOWN',
          interface: consumed.interface,
          counterpart: label,
          message: MESSAGES.writerUnknown(context.label, label, consumed.interface, published ? 'it was recorded without contracts' : 'it was never published'),
        });
        continue;
      }
      const since = list.map((x) => x.from).sort()[0]!;
      for (const finding of breakingFindings(context, provided, consumed, label)) {
        context.add({
          code: rollback ? 'ROLLBACK_UNSAFE' : 'DATA_AT_REST_UNREADABLE',
          interface: consumed.interface,
          counterpart: label,
          rule: finding.rule,
          message: rollback
            ? MESSAGES.rollbackUnsafe(context.label, label, consumed.interface, finding, since)
            : MESSAGES.dataAtRest(context.label, label, consumed.interface, finding, since),
          location: finding.after ?? finding.before,
        });
      }
    }
  }
}

/** Undefined while any span is open: the version is still writing as far as the record goes. */
function latestEnd(spans: readonly LiveSpan[]): number | undefined {
  let latest = -Infinity;
  for (const span of spans) {
    if (span.to === undefined) return undefined;
    latest = Math.max(latest, Date.parse(span.to));
  }
  return latest;
}
