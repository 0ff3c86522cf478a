import type { Ignore } from '../decide/ignore.ts';
import type { PairChecker } from '../decide/pair-checker.ts';
import type { EnvironmentSnapshot, VersionCatalog } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import { nodeLabel } from './change-node.ts';
import { changeNodes } from './change-nodes.ts';
import { proposeExpandContract, type Proposal } from './propose-expand-contract.ts';
import { LinkIndex } from './link-index.ts';
import { bindingsOf, downstreamOf, lockstepComponents } from './lockstep-groups.ts';
import type { LockstepGroup, PlanStep, PlanTarget } from './plan.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanDecide } from './plan-decide.ts';
import { PlanState } from './plan-state.ts';
import { buildPrecedenceGraph, type PrecedenceEdge, type PrecedenceGraph } from './precedence-graph.ts';
import { replayPlan, type ReplayedStep } from './replay-plan.ts';
import { scheduleOrder } from './schedule-order.ts';
import { serviceOf } from './pair-orders.ts';
import { providedInterfaces } from './provided-interfaces.ts';

export interface PlanEnvironmentInput {
  readonly snapshot: EnvironmentSnapshot;
  readonly versions: VersionCatalog;
  readonly targets: readonly PlanTarget[];
  readonly decide: PlanDecide;
  readonly ignores?: readonly Ignore[];
  /** The pair checker behind `decide`, to judge plain pairs from its memo (see link-pair-orders.ts). */
  readonly checker?: PairChecker;
}

export interface EnvironmentPlan {
  readonly environment: string;
  readonly steps: readonly PlanStep[];
  readonly lockstep: readonly LockstepGroup[];
  readonly stats: { readonly changes: number; readonly pairsTested: number };
}

/**
 * The planner for one environment: nodes from the targets, precedence from pairwise orders, lock-step
 * groups from strongly connected components, a deterministic order of what is free to go, and a
 * replay that attaches to each step its verdict and whether it can be undone.
 */
export function planEnvironment(input: PlanEnvironmentInput): EnvironmentPlan {
  const initial = PlanState.of(input.snapshot);
  const keys: string[] = [];
  for (const live of input.snapshot.live) keys.push(versionKey(live.service, live.version));
  for (const span of input.snapshot.history) keys.push(versionKey(span.service, span.version));
  for (const target of input.targets) if (target.version) keys.push(versionKey(target.service, target.version));
  const context: PlanContext = { decide: input.decide, versions: input.versions, links: new LinkIndex(input.versions, keys), ignores: input.ignores, checker: input.checker };
  const nodes = changeNodes(context, initial, input.targets);
  const graph = buildPrecedenceGraph(context, initial, nodes);
  const components = lockstepComponents(graph);
  const blocked = downstreamOf(graph, components.flatMap((component) => component.members));
  const order = scheduleOrder(graph, context.links, context.versions, blocked, providedInterfaces(context, input.snapshot)).map((i) => nodes[i]!);
  const replay = replayPlan(context, initial, order, graph);
  const environment = input.snapshot.environment;

  const lockstep: LockstepGroup[] = components.map((component) => ({
    environment,
    services: [...new Set(component.members.map((i) => nodes[i]!.service ?? nodeLabel(nodes[i]!)))].sort(),
    bindings: component.bindings,
    ...proposalFields(proposeExpandContract(context, initial, component.members.map((i) => nodes[i]!)), environment),
  }));
  for (const { node, reasons } of replay.refused) {
    const counterparts = reasons.map((reason) => (reason.counterpart ? serviceOf(reason.counterpart) : undefined)).filter((x): x is string => !!x);
    lockstep.push({
      environment,
      services: [...new Set([node.service ?? nodeLabel(node), ...counterparts])].sort(),
      bindings: bindingsOf(reasons),
      ...proposalFields(
        node.kind === 'deploy'
          ? proposeExpandContract(context, initial, [node])
          : { steps: [], none: `not searched: expand/contract versions help a new version meet the old, and ${nodeLabel(node)} is not a deploy; what refuses it has to change first` },
        environment,
      ),
    });
  }

  const positions = new Map(replay.steps.map((step, i) => [step.node, i + 1]));
  const incoming: PrecedenceEdge[][] = nodes.map(() => []);
  graph.edges.forEach((edge) => incoming[edge.to]!.push(edge));
  const labels = nodes.map(nodeLabel);
  const steps = replay.steps.map((step) => toPlanStep(step, graph, incoming, positions, labels, environment, replay.steps));
  return { environment, steps, lockstep, stats: { changes: nodes.length, pairsTested: graph.pairsTested } };
}

function proposalFields(proposal: Proposal, environment: string): Pick<LockstepGroup, 'proposal' | 'noProposal'> {
  return { proposal: proposal.steps.map((step) => ({ ...step, environment })), ...(proposal.none !== undefined ? { noProposal: proposal.none } : {}) };
}

function toPlanStep(
  step: ReplayedStep,
  graph: PrecedenceGraph,
  incoming: readonly (readonly PrecedenceEdge[])[],
  positions: ReadonlyMap<ChangeNode, number>,
  /** `nodeLabel` of each node, by index: a step names many of them. */
  labels: readonly string[],
  environment: string,
  all: readonly ReplayedStep[],
): PlanStep {
  const { node } = step;
  const after: string[] = [];
  let why: string | undefined;
  for (const edge of incoming[node.index] ?? []) {
    if (!positions.has(graph.nodes[edge.from]!)) continue;
    after.push(labels[edge.from]!);
    if (!why && edge.reasons[0]) why = edge.reasons[0].message;
  }
  let reason = after.length > 0 ? `after ${after.join(', ')}` : 'no other change has to go first';
  if (why) reason += ` (the other way round: ${why})`;
  if (node.kind === 'deploy' && node.from === undefined) reason = `first deployment; ${reason}`;
  if (node.kind === 'enable-flag') reason = `turns on what the flag guards, now that its providers are live; ${reason}`;
  if (!step.reversible && step.irreversibleAfter !== undefined) {
    const blocker = all[step.irreversibleAfter - 1]?.node;
    reason += `; cannot be undone after step ${step.irreversibleAfter}${blocker ? ` (${nodeLabel(blocker)})` : ''}: ${step.undoReasons[0]?.message ?? ''}`;
  }
  const verdict = { verdict: step.verdict, reasons: step.reasons.map((r) => ({ code: r.code, message: r.message })) };
  const common = { environment, reversible: step.reversible, ...(step.irreversibleAfter !== undefined ? { irreversibleAfter: step.irreversibleAfter } : {}), reason, verdict };
  switch (node.kind) {
    case 'deploy':
      return { action: 'deploy', service: node.service, version: node.version, ...(node.from !== undefined ? { from: node.from } : {}), ...common };
    case 'undeploy':
      return { action: 'undeploy', service: node.service, from: node.from, ...common };
    default:
      return { action: node.kind, flag: node.flag, ...common };
  }
}

