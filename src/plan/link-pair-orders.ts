import { MESSAGES } from '../decide/messages.ts';
import type { Reason } from '../decide/reason.ts';
import type { Finding } from '../model/finding.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';
import { versionKey, type ConsumedContract, type ProvidedContract, type PublishedVersion } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import type { PairOrders } from './pair-orders.ts';
import type { PairChecker } from '../decide/pair-checker.ts';
import type { PlanContext } from './plan-context.ts';
import { entriesOf, plain } from './version-entries.ts';

type DeployNode = Extract<ChangeNode, { kind: 'deploy' }>;

/**
 * The common case of a pair, answered from the memoised pair checks alone: two services that both
 * stay live, linked only over request/response interfaces both versions of each use, required,
 * unflagged, with expectations. There can-i-deploy's answer for either order is exactly the link
 * checks between the versions that meet (the mover's new version against the other's old one, then
 * both new), so asking `decide()` four times would compute the same. Anything else (data at rest, a
 * dependency that appears or goes, flags, new services, removals) returns undefined and the pair
 * is judged by `decide()` on hypothetical snapshots.
 */
export function linkPairOrders(context: PlanContext, x: DeployNode, y: DeployNode, shared: readonly string[]): PairOrders | undefined {
  const checker = context.checker;
  if (!checker || x.from === undefined || y.from === undefined) return undefined;
  const xFrom = published(context, x.service, x.from);
  const xTo = published(context, x.service, x.version);
  const yFrom = published(context, y.service, y.from);
  const yTo = published(context, y.service, y.version);
  if (!xFrom || !xTo || !yFrom || !yTo) return undefined;
  const xFirst: Reason[] = [];
  const yFirst: Reason[] = [];
  try {
    for (const id of shared) {
      if (carriesDataAtRest(id)) return undefined;
      for (const [provider, consumer, providerFirst, consumerFirst] of [
        [{ node: x, from: xFrom, to: xTo }, { node: y, from: yFrom, to: yTo }, xFirst, yFirst],
        [{ node: y, from: yFrom, to: yTo }, { node: x, from: xFrom, to: xTo }, yFirst, xFirst],
      ] as const) {
        const pf = entriesOf(provider.from).provides.get(id);
        const pt = entriesOf(provider.to).provides.get(id);
        const cf = entriesOf(consumer.from).consumes.get(id);
        const ct = entriesOf(consumer.to).consumes.get(id);
        if (!pf && !pt && !cf && !ct) continue;
        if (!pf || !pt || !cf || !ct || !plain(cf) || !plain(ct) || new Set([pf.kind, pt.kind, cf.kind, ct.kind]).size !== 1) return undefined;
        const newProvider = `${provider.node.service}@${provider.node.version}`;
        const oldProvider = `${provider.node.service}@${provider.node.from}`;
        const newConsumer = `${consumer.node.service}@${consumer.node.version}`;
        const oldConsumer = `${consumer.node.service}@${consumer.node.from}`;
        // Provider first: its new version meets the consumer's old one, then both new ones meet.
        for (const finding of broken(pt, cf)) providerFirst.push(consumerBroken(provider.node, oldConsumer, id, finding));
        // Consumer first: its new version meets the provider's old one.
        for (const finding of broken(pf, ct)) consumerFirst.push(providerBroken(consumer.node, oldProvider, id, finding));
        for (const finding of broken(pt, ct)) {
          providerFirst.push(providerBroken(consumer.node, newProvider, id, finding));
          consumerFirst.push(consumerBroken(provider.node, newConsumer, id, finding));
        }
      }
    }
  } catch {
    // A check that cannot run (no engine, unreadable contract): decide() reports it as unknown.
    return undefined;
  }
  return { xFirst, yFirst };

  function broken(provided: ProvidedContract, consumed: ConsumedContract): readonly Finding[] {
    return breakingBetween(checker!, provided, consumed);
  }
}

/**
 * Breaking findings per pair of contract objects, on top of the checker's memo: published versions
 * are immutable and loaded once, so object identity is a cheaper key than hashing both sides again.
 */
const BY_OBJECT = new WeakMap<PairChecker, WeakMap<ProvidedContract, WeakMap<ConsumedContract, readonly Finding[]>>>();

export function breakingBetween(checker: PairChecker, provided: ProvidedContract, consumed: ConsumedContract): readonly Finding[] {
  let byProvider = BY_OBJECT.get(checker);
  if (!byProvider) BY_OBJECT.set(checker, (byProvider = new WeakMap()));
  let byConsumer = byProvider.get(provided);
  if (!byConsumer) byProvider.set(provided, (byConsumer = new WeakMap()));
  let findings = byConsumer.get(consumed);
  if (!findings) {
    findings = checker.check(provided.kind, provided, consumed).filter((finding) => finding.severity === 'breaking');
    byConsumer.set(consumed, findings);
  }
  return findings;
}

export function published(context: PlanContext, service: string, version: string): PublishedVersion | undefined {
  const found = context.versions.get(versionKey(service, version));
  return found?.hasContracts ? found : undefined;
}

function consumerBroken(provider: DeployNode, consumer: string, id: string, finding: Finding): Reason {
  return {
    code: 'CONSUMER_BROKEN',
    service: provider.service,
    version: provider.version,
    interface: id,
    counterpart: consumer,
    rule: finding.rule,
    message: MESSAGES.consumerBroken(`${provider.service}@${provider.version}`, consumer, id, finding, false),
    ...(finding.after ?? finding.before ? { location: (finding.after ?? finding.before)! } : {}),
  };
}

function providerBroken(consumer: DeployNode, provider: string, id: string, finding: Finding): Reason {
  return {
    code: 'PROVIDER_BROKEN',
    service: consumer.service,
    version: consumer.version,
    interface: id,
    counterpart: provider,
    rule: finding.rule,
    message: MESSAGES.providerBroken(`${consumer.service}@${consumer.version}`, provider, id, finding),
    ...(finding.after ?? finding.before ? { location: (finding.after ?? finding.before)! } : {}),
  };
}
