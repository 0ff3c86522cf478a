import { StepwiseError } from '../model/errors.ts';
import { versionKey } from '../model/snapshot.ts';
import type { ChangeNode } from './change-node.ts';
import type { PlanTarget } from './plan.ts';
import type { PlanContext } from './plan-context.ts';
import type { PlanState } from './plan-state.ts';
import { compareVersions } from './version-order.ts';

/**
 * Turns the targets into the plan's nodes: one deploy per target version not yet live (several
 * versions of one service follow each other in version order), one undeploy per removal, and the
 * flag flips the new versions need. Unknown versions and impossible removals are bad input.
 */
export function changeNodes(context: PlanContext, initial: PlanState, targets: readonly PlanTarget[]): ChangeNode[] {
  const nodes: ChangeNode[] = [];
  const position = new Map<string, string | undefined>();
  const ids = new Set<string>();
  for (const { target, at: i } of inVersionOrder(context, targets)) {
    const pointer = `/targets/${i}`;
    if (!target.service) throw new StepwiseError('BAD_INPUT', `target ${i + 1} names no service`, { pointer });
    const from = position.has(target.service) ? position.get(target.service) : initial.currentVersion(target.service);
    if (target.remove) {
      if (from === undefined) throw new StepwiseError('BAD_INPUT', `cannot remove ${target.service}: it is not live in ${initial.environment}`, { pointer });
      nodes.push({ kind: 'undeploy', id: `${target.service}@-`, index: nodes.length, service: target.service, from });
      position.set(target.service, undefined);
      continue;
    }
    if (!target.version) throw new StepwiseError('BAD_INPUT', `target ${target.service} names no version (use service@version)`, { pointer });
    if (!context.versions.has(versionKey(target.service, target.version))) {
      throw new StepwiseError('BAD_INPUT', `${target.service}@${target.version} is not published`, { pointer });
    }
    if (from === target.version) continue;
    const id = `${target.service}@${target.version}`;
    if (ids.has(id)) throw new StepwiseError('BAD_INPUT', `${id} is named twice`, { pointer });
    ids.add(id);
    nodes.push({ kind: 'deploy', id, index: nodes.length, service: target.service, version: target.version, ...(from !== undefined ? { from } : {}) });
    position.set(target.service, target.version);
  }
  return [...nodes, ...flagNodes(context, initial, nodes, position)];
}

/**
 * The targets with each service's versions in version order, whatever order they were listed in:
 * the places its versions take in the list stay (they are the order's last tie-breaker), the
 * versions move. `at` is where each target was given, for error pointers.
 */
function inVersionOrder(context: PlanContext, targets: readonly PlanTarget[]): { target: PlanTarget; at: number }[] {
  const out = targets.map((target, at) => ({ target, at }));
  const places = new Map<string, number[]>();
  targets.forEach((target, i) => {
    if (target.remove || !target.service || !target.version) return;
    const list = places.get(target.service);
    if (list) list.push(i);
    else places.set(target.service, [i]);
  });
  for (const [service, list] of places) {
    if (list.length < 2) continue;
    const version = (i: number) => context.versions.get(versionKey(service, targets[i]!.version!));
    const sorted = [...list].sort((i, j) => {
      const a = version(i);
      const b = version(j);
      // An unpublished one is reported as bad input below; its place does not matter.
      return (a && b ? compareVersions(a, b) : 0) || i - j;
    });
    list.forEach((place, k) => (out[place] = { target: targets[sorted[k]!]!, at: sorted[k]! }));
  }
  return out;
}

function flagNodes(context: PlanContext, initial: PlanState, nodes: readonly ChangeNode[], final: ReadonlyMap<string, string | undefined>): ChangeNode[] {
  const flags: ChangeNode[] = [];
  const seen = new Set<string>();
  const push = (kind: 'enable-flag' | 'disable-flag', flag: string): void => {
    if (seen.has(`${kind}:${flag}`)) return;
    seen.add(`${kind}:${flag}`);
    flags.push({ kind, id: `${kind}:${flag}`, index: nodes.length + flags.length, flag });
  };
  for (const node of nodes) {
    if (node.kind === 'deploy') {
      const published = context.versions.get(versionKey(node.service, node.version))!;
      for (const entry of published.consumes) {
        if (entry.flag === undefined || initial.flags[entry.flag] === true) continue;
        if (providedAtEnd(context, initial, final, entry.interface)) push('enable-flag', entry.flag);
      }
    } else if (node.kind === 'undeploy') {
      const published = context.versions.get(versionKey(node.service, node.from));
      for (const provided of published?.provides ?? []) {
        for (const consumer of context.links.consumersOf(provided.interface)) {
          const version = initial.currentVersion(consumer);
          const entry = version === undefined ? undefined : context.versions.get(versionKey(consumer, version))?.consumes.find((e) => e.interface === provided.interface);
          if (entry?.flag !== undefined && initial.flags[entry.flag] === true && !providedAtEnd(context, initial, final, provided.interface)) push('disable-flag', entry.flag);
        }
      }
    }
  }
  return flags;
}

/** Whether some service provides `id` once every target is reached. */
function providedAtEnd(context: PlanContext, initial: PlanState, final: ReadonlyMap<string, string | undefined>, id: string): boolean {
  for (const provider of context.links.providersOf(id)) {
    const version = final.has(provider) ? final.get(provider) : initial.currentVersion(provider);
    if (version !== undefined && context.versions.get(versionKey(provider, version))?.provides.some((e) => e.interface === id)) return true;
  }
  return false;
}
