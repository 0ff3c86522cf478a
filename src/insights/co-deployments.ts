/** One deployment of a service, as recorded in an environment. */
export interface DeploymentMoment {
  readonly service: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export interface CoDeployment {
  readonly services: readonly [string, string];
  /** Deployments of the pair that happened within the window of one another. */
  readonly together: number;
  /** Share of each service's deployments that had the other within the window (the smaller of the two). */
  readonly ratio: number;
}

/**
 * Pairs of services that nearly always deploy together — the symptom of a lock-step the
 * contracts do not show (a shared release train, a hidden dependency). A pair is reported when
 * both services deployed at least `minimum` times and at least `threshold` of each one's
 * deployments had a deployment of the other within `windowMs`.
 */
export function coDeployments(moments: readonly DeploymentMoment[], options: { windowMs: number; threshold?: number; minimum?: number }): CoDeployment[] {
  const threshold = options.threshold ?? 0.8;
  const minimum = options.minimum ?? 3;
  const byService = new Map<string, number[]>();
  for (const moment of moments) {
    const list = byService.get(moment.service) ?? [];
    list.push(moment.at);
    byService.set(moment.service, list);
  }
  for (const list of byService.values()) list.sort((a, b) => a - b);
  const services = [...byService.keys()].filter((s) => byService.get(s)!.length >= minimum).sort();
  const pairs: CoDeployment[] = [];
  for (let i = 0; i < services.length; i += 1) {
    for (let j = i + 1; j < services.length; j += 1) {
      const a = byService.get(services[i]!)!;
      const b = byService.get(services[j]!)!;
      const aWithB = countNear(a, b, options.windowMs);
      const bWithA = countNear(b, a, options.windowMs);
      const ratio = Math.min(aWithB / a.length, bWithA / b.length);
      if (ratio >= threshold) pairs.push({ services: [services[i]!, services[j]!], together: Math.min(aWithB, bWithA), ratio });
    }
  }
  return pairs.sort((x, y) => y.ratio - x.ratio || x.services.join().localeCompare(y.services.join()));
}

/** How many of `times` have an entry of `others` within `window` (both lists sorted). */
function countNear(times: readonly number[], others: readonly number[], window: number): number {
  let count = 0;
  let k = 0;
  for (const t of times) {
    while (k < others.length && others[k]! < t - window) k += 1;
    if (k < others.length && others[k]! <= t + window) count += 1;
  }
  return count;
}
