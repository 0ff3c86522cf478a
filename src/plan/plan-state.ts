import type { EnvironmentSnapshot, LiveSpan, LiveVersion } from '../model/snapshot.ts';
import { PersistentMap } from './persistent-map.ts';

/**
 * An environment as the plan moves it: live versions and the history of spans (the source of data
 * at rest), per service. Immutable: every move returns a new state sharing what did not change, so
 * the planner can keep the state after each step and build restricted snapshots cheaply.
 */
export class PlanState {
  private constructor(
    readonly environment: string,
    /** Logical clock in milliseconds; each step happens one millisecond after the previous. */
    readonly time: number,
    private readonly live: PersistentMap<readonly LiveVersion[]>,
    private readonly history: PersistentMap<readonly LiveSpan[]>,
    readonly flags: Readonly<Record<string, boolean>>,
  ) {}

  static of(snapshot: EnvironmentSnapshot): PlanState {
    return new PlanState(
      snapshot.environment,
      Date.parse(snapshot.at),
      PersistentMap.of(groupBy(snapshot.live, (entry) => entry.service)),
      PersistentMap.of(groupBy(snapshot.history, (span) => span.service)),
      snapshot.flags,
    );
  }

  get at(): string {
    return new Date(this.time).toISOString();
  }

  liveOf(service: string): readonly LiveVersion[] {
    return this.live.get(service) ?? [];
  }

  private historyOf(service: string): readonly LiveSpan[] {
    return this.history.get(service) ?? [];
  }

  /** The version a move of `service` replaces: its first `deployed` live version. */
  currentVersion(service: string): string | undefined {
    const live = this.liveOf(service);
    return live.find((entry) => entry.mode === 'deployed')?.version ?? live[0]?.version;
  }

  isLive(service: string): boolean {
    return this.liveOf(service).length > 0;
  }

  /** `service` now runs `version` in place of its deployed versions (released ones stay). */
  deploy(service: string, version: string): PlanState {
    const time = this.time + 1;
    const at = new Date(time).toISOString();
    const previous = this.liveOf(service);
    const replaced = previous.filter((entry) => entry.mode === 'deployed');
    const kept = previous.filter((entry) => entry.mode !== 'deployed');
    const target = replaced[0]?.target ?? 'default';
    const live = this.live.with(service, [...kept, { service, version, target, mode: 'deployed', since: at }]);
    const history = this.history.with(service, [...closeSpans(this.historyOf(service), replaced, at), { service, version, from: at }]);
    return new PlanState(this.environment, time, live, history, this.flags);
  }

  undeploy(service: string): PlanState {
    const time = this.time + 1;
    const at = new Date(time).toISOString();
    const live = this.live.with(service, []);
    const history = this.history.with(service, closeSpans(this.historyOf(service), this.liveOf(service), at));
    return new PlanState(this.environment, time, live, history, this.flags);
  }

  setFlag(flag: string, on: boolean): PlanState {
    return new PlanState(this.environment, this.time + 1, this.live, this.history, { ...this.flags, [flag]: on });
  }

  /** This state's live versions with another state's history: an undo keeps the data written since. */
  withHistoryOf(later: PlanState): PlanState {
    return new PlanState(this.environment, later.time, this.live, later.history, this.flags);
  }

  /** A snapshot holding only `services`: a decision only looks at the candidate's neighbours. */
  snapshot(services?: Iterable<string>): EnvironmentSnapshot {
    const names = services ? new Set(services) : new Set([...this.live.keys(), ...this.history.keys()]);
    const live: LiveVersion[] = [];
    const history: LiveSpan[] = [];
    for (const name of names) {
      live.push(...this.liveOf(name));
      history.push(...this.historyOf(name));
    }
    return { environment: this.environment, at: this.at, live, history, flags: this.flags };
  }
}

function closeSpans(spans: readonly LiveSpan[], ended: readonly LiveVersion[], at: string): LiveSpan[] {
  const endedVersions = new Set(ended.map((entry) => entry.version));
  return spans.map((span) => (span.to === undefined && endedVersions.has(span.version) ? { ...span, to: at } : span));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
