import type { DeliveryFacts, RolloutOutcome } from './delivery-facts.ts';

/** One deployment of a service: a version coming into the environment, however many events it took. */
export interface Deployment {
  readonly service: string;
  readonly version: string;
  /** The time of its first event. */
  readonly at: number;
  readonly rollout?: number;
  /** How the deployment is known to have failed, or null when it is not. */
  readonly failure: 'rolled-back' | 'reverted' | null;
  /** For a failure: when the service was healthy again, or null when it is not yet. */
  readonly restoredAt: number | null;
  /** Whether this is the version's first deployment in the environment (lead time is measured to it). */
  readonly first: boolean;
  /** When the service's previous deployment happened, or null for its first. */
  readonly previousAt: number | null;
}

interface Building {
  readonly service: string;
  readonly version: string;
  readonly at: number;
  readonly rollout?: number;
  /** The version was undeployed after this deployment's last event: deploying it again is a new deployment. */
  ended: boolean;
}

/**
 * Turns deployment events up to `until` into deployments, oldest first. Events are grouped so
 * that one change counts once: every event of one rollout is one deployment (its canary, its
 * promotion), and direct events of the version the service last deployed (more targets, the same
 * version recorded again) join that deployment unless the version was undeployed in between.
 *
 * A deployment failed when its rollout was rolled back, or when the service's next deployment
 * went back to an older version — one first deployed in the environment before it (a revert). The service is restored by the end of the
 * rollback or by its next deployment that did not fail, whichever came first.
 */
export function deploymentHistory(facts: DeliveryFacts, until: number): Deployment[] {
  const byService = new Map<string, Building[]>();
  for (const event of facts.events) {
    if (event.at > until) continue;
    const list = byService.get(event.service) ?? [];
    byService.set(event.service, list);
    const latest = list.at(-1);
    if (event.kind === 'undeployed') {
      if (latest && latest.version === event.version) latest.ended = true;
      continue;
    }
    const joins =
      latest !== undefined &&
      (event.rollout !== undefined ? latest.rollout === event.rollout : latest.version === event.version && !latest.ended);
    if (joins) latest.ended = false;
    else list.push({ service: event.service, version: event.version, at: event.at, ...(event.rollout !== undefined ? { rollout: event.rollout } : {}), ended: false });
  }

  const outcomes = new Map(facts.rollouts.map((rollout) => [rollout.id, rollout]));
  const history: Deployment[] = [];
  for (const list of byService.values()) {
    // The index of each version's first deployment: "deployed before" without rescanning the list.
    const firstIndex = new Map<string, number>();
    list.forEach((deployment, index) => {
      if (!firstIndex.has(deployment.version)) firstIndex.set(deployment.version, index);
    });
    const failures = list.map((deployment, index) => failureOf(list, index, firstIndex, outcomes, until));
    list.forEach((deployment, index) => {
      const failure = failures[index]!;
      history.push({
        service: deployment.service,
        version: deployment.version,
        at: deployment.at,
        ...(deployment.rollout !== undefined ? { rollout: deployment.rollout } : {}),
        failure,
        restoredAt: failure === null ? null : restoredAt(list, failures, index, outcomes),
        first: firstIndex.get(deployment.version) === index,
        previousAt: list[index - 1]?.at ?? null,
      });
    });
  }
  return history.sort((a, b) => a.at - b.at || a.service.localeCompare(b.service));
}

function failureOf(
  list: readonly Building[],
  index: number,
  firstIndex: ReadonlyMap<string, number>,
  outcomes: ReadonlyMap<number, RolloutOutcome>,
  until: number,
): Deployment['failure'] {
  const deployment = list[index]!;
  const outcome = deployment.rollout === undefined ? undefined : outcomes.get(deployment.rollout);
  // A rollback that ended after the period did not exist yet at its end.
  if (outcome?.phase === 'rolled-back' && (outcome.finishedAt === null || outcome.finishedAt <= until)) return 'rolled-back';
  const next = list[index + 1];
  // Older means it came into the environment first: going forward again to a version that was
  // skipped over is not a revert, going back to the one it replaced is.
  if (next && firstIndex.get(next.version)! < firstIndex.get(deployment.version)!) return 'reverted';
  return null;
}

function restoredAt(
  list: readonly Building[],
  failures: readonly Deployment['failure'][],
  index: number,
  outcomes: ReadonlyMap<number, { finishedAt: number | null }>,
): number | null {
  const candidates: number[] = [];
  const rollout = list[index]!.rollout;
  const finished = rollout === undefined ? null : (outcomes.get(rollout)?.finishedAt ?? null);
  if (finished !== null) candidates.push(finished);
  for (let later = index + 1; later < list.length; later += 1) {
    if (failures[later] !== null) continue;
    candidates.push(list[later]!.at);
    break;
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}
