import { effectOf } from '../decide/reason-code.ts';
import type { PublishedVersion } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import { nodeLabel } from './change-node.ts';
import { LinkIndex } from './link-index.ts';
import { lockstepComponents } from './lockstep-groups.ts';
import type { PlanStep } from './plan.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanDecide } from './plan-decide.ts';
import type { PlanState } from './plan-state.ts';
import { buildPrecedenceGraph } from './precedence-graph.ts';
import { replayPlan } from './replay-plan.ts';
import { scheduleOrder } from './schedule-order.ts';
import { providedInterfaces } from './provided-interfaces.ts';
import { synthesiseExpand, type ExpandVersion } from './synthesise-expand.ts';

type DeployNode = Extract<ChangeNode, { kind: 'deploy' }>;

/** Largest lock-step group (in changes) the planner searches a decomposition for. */
export const MAX_GROUP = 8;

/**
 * The smallest set of expand/contract versions that breaks a lock-step group: each service of the
 * group alone first (readers before writers, then by name), then all of them. A decomposition
 * counts only if the planner, given the synthesised intermediate versions, finds an order for the
 * group; the contract step (the original target) is allowed to wait until the data the old
 * versions wrote has expired or been migrated, and says so.
 */
export function proposeExpandContract(context: PlanContext, initial: PlanState, group: readonly ChangeNode[]): Proposal {
  // Each attempt re-plans the group, and there is an attempt per member: the search grows with the
  // cube of the group's size (a fully bound group of 16 takes about 0.6 s, of 32 about 1.3 s), and a
  // group that large wants a person to split it anyway. The plan says so rather than stay silent.
  if (group.length > MAX_GROUP) {
    return {
      steps: [],
      none: `not searched: the group has ${group.length} changes, more than the ${MAX_GROUP} the planner searches an expand/contract decomposition for (every attempt re-plans the whole group); split the change, or publish an intermediate version and name it as a target`,
    };
  }
  const steps = search(context, initial, group);
  return steps.length > 0
    ? { steps }
    : { steps, none: 'none found: no published version of a member accepts both sides, and no synthesised intermediate version of one member, or of all of them, lets the group go out step by step' };
}

/** A proposal, or why there is none. */
export interface Proposal {
  readonly steps: readonly PlanStep[];
  readonly none?: string;
}

function search(context: PlanContext, initial: PlanState, group: readonly ChangeNode[]): PlanStep[] {
  const candidates = group.filter((node): node is DeployNode => node.kind === 'deploy' && node.from !== undefined);
  const readersFirst = [...candidates].sort((a, b) => readerRank(context, a, group) - readerRank(context, b, group) || a.service.localeCompare(b.service));
  // A version already published may be the expand step: then nothing needs building.
  for (const node of readersFirst) {
    for (const published of publishedBetween(context, node)) {
      const steps = tryDecomposition(context, initial, group, [node], published);
      if (steps) return steps;
    }
  }
  const attempts: DeployNode[][] = readersFirst.map((node) => [node]);
  if (readersFirst.length > 1) attempts.push(readersFirst);
  for (const expanded of attempts) {
    const steps = tryDecomposition(context, initial, group, expanded);
    if (steps) return steps;
  }
  return [];
}

/** Other published versions of the service, newest first: candidates for an existing expand step. */
function publishedBetween(context: PlanContext, node: DeployNode): PublishedVersion[] {
  const out: PublishedVersion[] = [];
  for (const version of context.versions.values()) {
    if (version.service === node.service && version.version !== node.from && version.version !== node.version && version.hasContracts) out.push(version);
  }
  return out.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
}

function tryDecomposition(context: PlanContext, initial: PlanState, group: readonly ChangeNode[], expanded: readonly DeployNode[], existing?: PublishedVersion): PlanStep[] | undefined {
  const versions = new Map(context.versions);
  const builds = new Map<DeployNode, ExpandVersion>();
  for (const node of expanded) {
    const from = context.versions.get(versionKey(node.service, node.from!));
    const to = context.versions.get(versionKey(node.service, node.version));
    if (!from || !to) return undefined;
    const build = existing ? { version: existing, contracts: [] } : synthesiseExpand(versions, from, to);
    versions.set(versionKey(build.version.service, build.version.version), build.version);
    builds.set(node, build);
  }
  const nodes: ChangeNode[] = [];
  const contractSteps = new Set<string>();
  for (const node of group) {
    const build = builds.get(node as DeployNode);
    if (build && node.kind === 'deploy') {
      nodes.push({ ...node, id: `${node.service}@${build.version.version}`, index: nodes.length, version: build.version.version });
      nodes.push({ ...node, index: nodes.length, from: build.version.version });
      contractSteps.add(node.id);
    } else nodes.push({ ...node, index: nodes.length });
  }
  const keys = [...versions.keys()].filter((key) => nodes.some((node) => node.service !== undefined && key.startsWith(`${node.service}@`)));
  for (const live of initial.snapshot().live) keys.push(versionKey(live.service, live.version));
  for (const span of initial.snapshot().history) keys.push(versionKey(span.service, span.version));
  const decide = afterExpiry(context.decide, nodes.filter((node) => contractSteps.has(node.id) && node.kind === 'deploy') as DeployNode[]);
  const sub: PlanContext = { ...context, decide, versions, links: new LinkIndex(versions, keys) };
  const graph = buildPrecedenceGraph(sub, initial, nodes);
  if (lockstepComponents(graph).length > 0) return undefined;
  const order = scheduleOrder(graph, sub.links, versions, new Set(), providedInterfaces(sub, initial.snapshot())).map((i) => nodes[i]!);
  const replay = replayPlan(sub, initial, order);
  if (replay.refused.length > 0) return undefined;

  const steps: PlanStep[] = [];
  for (const [node, build] of existing ? [] : builds) {
    steps.push({
      action: 'build',
      service: node.service,
      version: build.version.version,
      from: node.from,
      reversible: true,
      reason: `expand: ${node.service}@${build.version.version} ${describe(build)}, so it can go out before the others change`,
      contracts: build.contracts,
    });
  }
  for (const [i, step] of replay.steps.entries()) {
    const node = step.node;
    if (node.kind !== 'deploy') continue;
    const isContract = contractSteps.has(node.id);
    const waits = isContract ? needsExpiry({ ...sub, decide: context.decide }, replay.states[i]!, node) : [];
    const isExpand = [...builds.values()].some((build) => build.version.service === node.service && build.version.version === node.version);
    let reason = isExpand ? (existing ? `expand step: the published ${node.service}@${node.version} accepts both the old and the new` : 'expand step: accepts both the old and the new') : isContract ? `contract step: ${node.service}@${node.version} drops what only ${node.from} still handled` : 'the change the expand step makes safe';
    if (waits.length > 0) reason += `; only once the data written by ${waits.join(', ')} has expired or been migrated`;
    if (!step.reversible && step.irreversibleAfter !== undefined) reason += `; cannot be undone after step ${step.irreversibleAfter + (existing ? 0 : builds.size)} of this proposal (${nodeLabel(replay.steps[step.irreversibleAfter - 1]!.node)})`;
    steps.push({
      action: 'deploy',
      service: node.service,
      version: node.version,
      ...(node.from !== undefined ? { from: node.from } : {}),
      reversible: step.reversible,
      ...(step.irreversibleAfter !== undefined ? { irreversibleAfter: step.irreversibleAfter + (existing ? 0 : builds.size) } : {}),
      reason,
    });
  }
  return steps;
}

/** Judges contract steps as if the data older versions wrote were gone: the step waits for that. */
function afterExpiry(decide: PlanDecide, contractNodes: readonly DeployNode[]): PlanDecide {
  const keys = new Set(contractNodes.map((node) => versionKey(node.service, node.version)));
  return (input) => {
    if (!keys.has(versionKey(input.candidate.service, input.candidate.version))) return decide(input);
    return decide({ ...input, snapshot: { ...input.snapshot, history: input.snapshot.history.filter((span) => span.to === undefined) } });
  };
}

/** The past writers whose data the contract step cannot read, judged on the real history. */
function needsExpiry(context: PlanContext, before: PlanState, node: DeployNode): string[] {
  const scope = [node.service, ...context.links.neighbours(node.service)];
  const verdict = context.decide({ snapshot: before.snapshot(scope), versions: context.versions, candidate: { service: node.service, version: node.version }, ignores: context.ignores });
  const writers = verdict.reasons
    .filter((reason) => effectOf(reason.code) === 'no' && (reason.code === 'DATA_AT_REST_UNREADABLE' || reason.code === 'ROLLBACK_UNSAFE'))
    .map((reason) => reason.counterpart ?? '');
  return [...new Set(writers)].filter(Boolean).sort();
}

function describe(build: ExpandVersion): string {
  if (build.contracts.length === 0) return 'keeps the old contracts';
  return build.contracts
    .map((c) => `${c.role === 'consumes' ? 'on' : 'for'} ${c.interface} ${c.description}${c.mediaTypes ? ` (${c.mediaTypes.join(' and ')})` : ''}`)
    .join('; ');
}

/** Readers of another group member's data come first: a tolerant reader is the cheapest expand. */
function readerRank(context: PlanContext, node: DeployNode, group: readonly ChangeNode[]): number {
  const published: PublishedVersion | undefined = context.versions.get(versionKey(node.service, node.version));
  const others = new Set(group.map((other) => other.service).filter((s): s is string => !!s && s !== node.service));
  const reads = published?.consumes.some((entry) => [...context.links.providersOf(entry.interface)].some((p) => others.has(p))) ?? false;
  return reads ? 0 : 1;
}
