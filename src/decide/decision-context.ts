import type { ConsumedContract, ProvidedContract, PublishedVersion } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';
import type { DecisionInput } from './decision-input.ts';
import { ignoreLabel, type Ignore } from './ignore.ts';
import { refLabel, type LiveRef } from './live-ref.ts';
import { MESSAGES } from './messages.ts';
import type { Reason } from './reason.ts';
import type { ReasonCode } from './reason-code.ts';

/** Live neighbours by interface id, on each side of a link. */
export interface InterfaceIndex {
  readonly providers: ReadonlyMap<string, { ref: LiveRef; provided: ProvidedContract }[]>;
  readonly consumers: ReadonlyMap<string, { ref: LiveRef; consumed: ConsumedContract }[]>;
}

/**
 * Everything the checks share: who is live before and after, the candidate's published facts,
 * the ignores in force, and the reasons found so far (deduplicated, in the order found).
 */
export class DecisionContext {
  readonly input: DecisionInput;
  readonly label: string;
  readonly candidate: PublishedVersion | undefined;
  /** Live versions of other services, one per service@version. */
  readonly neighbours: readonly LiveRef[];
  /** Live versions of the candidate's own service that run beside it during the rollout. */
  readonly oldSelf: readonly LiveRef[];
  /** Of those, the ones still live once the rollout is over (other targets, released versions). */
  readonly remainingSelf: readonly LiveRef[];
  readonly index: InterfaceIndex;
  readonly nowMs: number;
  readonly #reasons = new Map<string, Reason>();
  readonly #active: readonly Ignore[];
  readonly #usedIgnores = new Set<string>();

  constructor(input: DecisionInput) {
    this.input = input;
    const { snapshot, versions, candidate } = input;
    this.label = refLabel(candidate);
    this.nowMs = Date.parse(snapshot.at);
    const published = versions.get(versionKey(candidate.service, candidate.version));
    this.candidate = published?.hasContracts ? published : undefined;

    const neighbours = new Map<string, LiveRef>();
    const oldSelf = new Map<string, LiveRef>();
    const remaining = new Map<string, LiveRef>();
    for (const live of snapshot.live) {
      const key = versionKey(live.service, live.version);
      const known = versions.get(key);
      const ref: LiveRef = { service: live.service, version: live.version, published: known?.hasContracts ? known : undefined };
      if (live.service !== candidate.service) {
        neighbours.set(key, ref);
      } else if (live.version !== candidate.version) {
        oldSelf.set(key, ref);
        const replaced =
          candidate.mode !== 'released' && live.mode === 'deployed' && (candidate.target === undefined || candidate.target === live.target);
        if (!replaced) remaining.set(key, ref);
      }
    }
    this.neighbours = [...neighbours.values()];
    this.oldSelf = [...oldSelf.values()];
    this.remainingSelf = [...remaining.values()];
    this.index = indexByInterface(this.neighbours);

    const active: Ignore[] = [];
    for (const ignore of input.ignores ?? []) {
      if (Date.parse(ignore.until) > this.nowMs) active.push(ignore);
      else this.add({ code: 'IGNORE_EXPIRED', counterpart: ignoreLabel(ignore), message: MESSAGES.ignoreExpired(ignoreLabel(ignore), ignore.until) });
    }
    this.#active = active;
  }

  /** Whether a counterpart is left out on purpose; the first time, the verdict says so. */
  ignored(ref: { readonly service: string; readonly version: string }): boolean {
    const ignore = this.#active.find((x) => x.service === ref.service && (x.version === undefined || x.version === ref.version));
    if (!ignore) return false;
    const counterpart = refLabel(ref);
    if (!this.#usedIgnores.has(counterpart)) {
      this.#usedIgnores.add(counterpart);
      this.add({
        code: 'IGNORED',
        counterpart,
        message: MESSAGES.ignored(this.label, counterpart, ignore.reason, ignore.until),
        ignore: { reason: ignore.reason, until: ignore.until },
      });
    }
    return true;
  }

  add(reason: Omit<Reason, 'service' | 'version'> & { readonly code: ReasonCode }): void {
    const key = [reason.code, reason.interface, reason.counterpart, reason.rule, reason.message].join('\u0000');
    if (this.#reasons.has(key)) return;
    this.#reasons.set(key, { service: this.input.candidate.service, version: this.input.candidate.version, ...reason });
  }

  get reasons(): readonly Reason[] {
    return [...this.#reasons.values()];
  }

  flagOff(flag: string | undefined): boolean {
    return flag !== undefined && this.input.snapshot.flags[flag] !== true;
  }
}

function indexByInterface(refs: readonly LiveRef[]): InterfaceIndex {
  const providers = new Map<string, { ref: LiveRef; provided: ProvidedContract }[]>();
  const consumers = new Map<string, { ref: LiveRef; consumed: ConsumedContract }[]>();
  for (const ref of refs) {
    for (const provided of ref.published?.provides ?? []) {
      let list = providers.get(provided.interface);
      if (!list) providers.set(provided.interface, (list = []));
      list.push({ ref, provided });
    }
    for (const consumed of ref.published?.consumes ?? []) {
      let list = consumers.get(consumed.interface);
      if (!list) consumers.set(consumed.interface, (list = []));
      list.push({ ref, consumed });
    }
  }
  return { providers, consumers };
}
