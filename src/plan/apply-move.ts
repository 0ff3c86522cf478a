import type { Reason } from '../decide/reason.ts';
import { versionKey } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';

export interface MoveResult {
  readonly state: PlanState;
  /** Every reason the decisions gave, all effects; callers filter. */
  readonly reasons: readonly Reason[];
}

/**
 * Applies one node to a state and asks can-i-deploy whether that was safe. A deploy is judged as
 * the candidate (its rollout window included); an undeploy or a flag flip is judged by re-deciding
 * the live services it affects, on the state after the move. `scope` restricts the snapshot to the
 * services that matter, which keeps each decision small.
 */
export function applyMove(context: PlanContext, state: PlanState, node: ChangeNode, scope: readonly string[]): MoveResult {
  switch (node.kind) {
    case 'deploy': {
      const verdict = context.decide({
        snapshot: state.snapshot(scope),
        versions: context.versions,
        candidate: { service: node.service, version: node.version },
        ignores: context.ignores,
      });
      return { state: state.deploy(node.service, node.version), reasons: verdict.reasons };
    }
    case 'undeploy': {
      const after = state.undeploy(node.service);
      const removed = new Set(context.links.interfacesOf(node.service));
      const affected = scope.filter((service) => service !== node.service && consumesAny(context, after, service, removed));
      return { state: after, reasons: redecide(context, after, affected, scope) };
    }
    default: {
      const after = state.setFlag(node.flag, node.kind === 'enable-flag');
      const affected = scope.filter((service) => usesFlag(context, after, service, node.flag));
      return { state: after, reasons: redecide(context, after, affected, scope) };
    }
  }
}

/** Undoing a deploy: the old version comes back (or the service goes, if it was new). */
export function undoMove(context: PlanContext, state: PlanState, node: ChangeNode, scope: readonly string[]): MoveResult {
  if (node.kind === 'deploy') {
    if (node.from === undefined) return applyMove(context, state, { kind: 'undeploy', id: node.id, index: node.index, service: node.service, from: node.version }, scope);
    return applyMove(context, state, { ...node, version: node.from, from: node.version }, scope);
  }
  if (node.kind === 'undeploy') return applyMove(context, state, { kind: 'deploy', id: node.id, index: node.index, service: node.service, version: node.from }, scope);
  return applyMove(context, state, { ...node, kind: node.kind === 'enable-flag' ? 'disable-flag' : 'enable-flag' }, scope);
}

function redecide(context: PlanContext, state: PlanState, services: readonly string[], scope: readonly string[]): Reason[] {
  const reasons: Reason[] = [];
  for (const service of services) {
    const version = state.currentVersion(service);
    if (version === undefined) continue;
    // The re-decided service is judged on its own neighbourhood, which the mover's scope may not cover.
    const snapshot = state.snapshot([...scope, ...context.links.neighbours(service)]);
    const verdict = context.decide({ snapshot, versions: context.versions, candidate: { service, version }, ignores: context.ignores });
    reasons.push(...verdict.reasons);
  }
  return reasons;
}

function consumesAny(context: PlanContext, state: PlanState, service: string, interfaces: ReadonlySet<string>): boolean {
  return state
    .liveOf(service)
    .some((live) => context.versions.get(versionKey(service, live.version))?.consumes.some((entry) => interfaces.has(entry.interface)) ?? false);
}

function usesFlag(context: PlanContext, state: PlanState, service: string, flag: string): boolean {
  return state
    .liveOf(service)
    .some((live) => context.versions.get(versionKey(service, live.version))?.consumes.some((entry) => entry.flag === flag) ?? false);
}
