import type { LiveVersion } from '../../model/snapshot.ts';
import { DISABLED_VARIANT, evaluateFlag, type EvaluationOptions, type FlagEvaluation } from './evaluate-flag.ts';
import type { EvaluationContext, FlagDefinition } from './flag-definition.ts';

/**
 * What SDKs receive for one environment: every flag plus the live versions their deployment
 * conditions look at. `revision` changes whenever any of it does (it is the ETag).
 */
export interface FlagSnapshot {
  readonly environment: string;
  readonly revision: string;
  readonly flags: readonly FlagDefinition[];
  readonly live: readonly LiveVersion[];
}

/** The flags of one environment, indexed by name, evaluated in-process. */
export class FlagSet {
  private readonly byName: ReadonlyMap<string, FlagDefinition>;
  private readonly options: EvaluationOptions;

  constructor(readonly snapshot: FlagSnapshot, options: Omit<EvaluationOptions, 'live'> = {}) {
    this.byName = new Map(snapshot.flags.map((flag) => [flag.name, flag]));
    this.options = { ...options, live: snapshot.live };
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): FlagDefinition | undefined {
    return this.byName.get(name);
  }

  /** An unknown flag is off with reason ERROR and errorCode FLAG_NOT_FOUND, as OpenFeature specifies. */
  evaluate(name: string, context: EvaluationContext, at?: string): FlagEvaluation {
    const flag = this.byName.get(name);
    if (!flag) return { flag: name, enabled: false, variant: DISABLED_VARIANT, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' };
    return evaluateFlag(flag, context, at === undefined ? this.options : { ...this.options, at });
  }

  evaluateAll(context: EvaluationContext, at?: string): FlagEvaluation[] {
    return this.snapshot.flags.map((flag) => this.evaluate(flag.name, context, at));
  }
}
