import { MESSAGES } from '../decide/messages.ts';
import type { Reason } from '../decide/reason.ts';
import type { Finding } from '../model/finding.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';
import { versionKey, type ConsumedContract, type ProvidedContract, type PublishedVersion, type VersionCatalog } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import type { PairOrders } from './pair-orders.ts';
import type { PairChecker } from '../decide/pair-checker.ts';
import type { PlanContext } from './plan-context.ts';
import { entriesOf, plain, type VersionEntries } from './version-entries.ts';

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
  const xs = sidesOf(context, x);
  const ys = sidesOf(context, y);
  if (!xs || !ys) return undefined;
  const xFirst: Reason[] = [];
  const yFirst: Reason[] = [];
  try {
    for (const id of shared) {
      if (carriesDataAtRest(id)) return undefined;
      if (!meet(checker, id, x, xs, y, ys, xFirst, yFirst) || !meet(checker, id, y, ys, x, xs, yFirst, xFirst)) return undefined;
    }
  } catch {
    // A check that cannot run (no engine, unreadable contract): decide() reports it as unknown.
    return undefined;
  }
  return { xFirst, yFirst };
}

/** A change's old and new version, indexed; looked up once per plan rather than once per pair. */
interface Sides {
  readonly from: VersionEntries;
  readonly to: VersionEntries;
}

const SIDES = new WeakMap<VersionCatalog, WeakMap<DeployNode, Sides | null>>();

function sidesOf(context: PlanContext, node: DeployNode): Sides | undefined {
  let byNode = SIDES.get(context.versions);
  if (!byNode) SIDES.set(context.versions, (byNode = new WeakMap()));
  let sides = byNode.get(node);
  if (sides === undefined) {
    const from = node.from === undefined ? undefined : published(context, node.service, node.from);
    const to = published(context, node.service, node.version);
    sides = from && to ? { from: entriesOf(from), to: entriesOf(to) } : null;
    byNode.set(node, sides);
  }
  return sides ?? undefined;
}

/**
 * One interface with `provider` on the providing side: what breaks in each order. False when the
 * link is not a plain one (then the whole pair goes to decide()).
 */
function meet(checker: PairChecker, id: string, provider: DeployNode, p: Sides, consumer: DeployNode, c: Sides, providerFirst: Reason[], consumerFirst: Reason[]): boolean {
  const pf = p.from.provides.get(id);
  const pt = p.to.provides.get(id);
  const cf = c.from.consumes.get(id);
  const ct = c.to.consumes.get(id);
  if (!pf && !pt && !cf && !ct) return true;
  if (!pf || !pt || !cf || !ct || !plain(cf) || !plain(ct) || pt.kind !== pf.kind || cf.kind !== pf.kind || ct.kind !== pf.kind) return false;
  // Provider first: its new version meets the consumer's old one, then both new ones meet.
  for (const finding of breakingBetween(checker, pt, cf)) providerFirst.push(consumerBroken(provider, `${consumer.service}@${consumer.from}`, id, finding));
  // Consumer first: its new version meets the provider's old one.
  for (const finding of breakingBetween(checker, pf, ct)) consumerFirst.push(providerBroken(consumer, `${provider.service}@${provider.from}`, id, finding));
  for (const finding of breakingBetween(checker, pt, ct)) {
    providerFirst.push(providerBroken(consumer, `${provider.service}@${provider.version}`, id, finding));
    consumerFirst.push(consumerBroken(provider, `${consumer.service}@${consumer.version}`, id, finding));
  }
  return true;
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
