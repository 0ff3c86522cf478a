import type { EnvironmentSnapshot } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';
import type { PlanContext } from './plan-context.ts';

/** Interfaces the live versions provide: what the schedule can count on before its first step. */
export function providedInterfaces(context: PlanContext, snapshot: EnvironmentSnapshot): Set<string> {
  const out = new Set<string>();
  for (const live of snapshot.live) for (const entry of context.versions.get(versionKey(live.service, live.version))?.provides ?? []) out.add(entry.interface);
  return out;
}
