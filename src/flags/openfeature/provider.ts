import {
  OpenFeatureEventEmitter,
  ProviderEvents,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { FlagSet, type FlagSnapshot } from '../evaluate/flag-set.ts';
import type { FlagEvaluation } from '../evaluate/evaluate-flag.ts';
import { staticFlagSource, type FlagSource } from '../client/flag-source.ts';
import { RemoteFlagSource, type RemoteFlagSourceOptions } from '../client/remote-flag-source.ts';
import { toFlagContext } from './to-flag-context.ts';

export type StepwiseProviderOptions =
  /** Evaluate a fixed snapshot (tests, offline). */
  | { readonly snapshot: FlagSnapshot }
  /** Stay in sync with a Stepwise server over its stream (or by polling). */
  | RemoteFlagSourceOptions
  /** Any other source. */
  | { readonly source: FlagSource };

/**
 * OpenFeature server provider: flags are evaluated in-process by the same evaluator the server
 * uses, against a snapshot kept current by a stream. Booleans answer "is it on"; strings, numbers
 * and objects answer with the chosen variant's payload (strings fall back to the variant's name).
 * An unknown flag resolves to the caller's default with reason ERROR and FLAG_NOT_FOUND.
 */
export class StepwiseProvider implements Provider {
  readonly metadata = { name: 'stepwise' } as const;
  readonly runsOn = 'server' as const;
  readonly events = new OpenFeatureEventEmitter();
  private readonly source: FlagSource;
  private flags: FlagSet | undefined;

  constructor(options: StepwiseProviderOptions) {
    if ('snapshot' in options) this.source = staticFlagSource(options.snapshot);
    else if ('source' in options) this.source = options.source;
    else this.source = new RemoteFlagSource(options);
  }

  async initialize(): Promise<void> {
    this.flags = new FlagSet(await this.source.start());
    this.source.onChange((snapshot) => {
      const before = this.flags?.snapshot;
      this.flags = new FlagSet(snapshot);
      this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changedFlags(before, snapshot) });
    });
  }

  async onClose(): Promise<void> {
    await this.source.close();
  }

  async resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    const result = this.evaluate(flagKey, context);
    if (result.errorCode) return failure(result, defaultValue);
    return { value: result.enabled, variant: result.variant, reason: result.reason, flagMetadata: this.metadataOf() };
  }

  async resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    const result = this.evaluate(flagKey, context);
    if (result.errorCode) return failure(result, defaultValue);
    if (!result.enabled || result.variant === 'disabled') return this.fallback(result, defaultValue);
    return { value: result.payload?.value ?? result.variant, variant: result.variant, reason: result.reason, flagMetadata: this.metadataOf() };
  }

  async resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    const result = this.evaluate(flagKey, context);
    if (result.errorCode) return failure(result, defaultValue);
    if (!result.enabled || result.variant === 'disabled') return this.fallback(result, defaultValue);
    const value = Number(result.payload?.value);
    if (result.payload?.type !== 'number' || Number.isNaN(value)) {
      return mismatch(result, defaultValue, `variant "${result.variant}" of flag "${flagKey}" has no number payload`);
    }
    return { value, variant: result.variant, reason: result.reason, flagMetadata: this.metadataOf() };
  }

  async resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    const result = this.evaluate(flagKey, context);
    if (result.errorCode) return failure(result, defaultValue);
    if (!result.enabled || result.variant === 'disabled') return this.fallback(result, defaultValue);
    if (result.payload?.type !== 'json') {
      return mismatch(result, defaultValue, `variant "${result.variant}" of flag "${flagKey}" has no JSON payload`);
    }
    try {
      return { value: JSON.parse(result.payload.value) as T, variant: result.variant, reason: result.reason, flagMetadata: this.metadataOf() };
    } catch {
      return { value: defaultValue, reason: 'ERROR', errorCode: 'PARSE_ERROR' as never, errorMessage: `variant "${result.variant}" of flag "${flagKey}" holds invalid JSON` };
    }
  }

  private evaluate(flagKey: string, context: EvaluationContext): FlagEvaluation {
    if (!this.flags) return { flag: flagKey, enabled: false, variant: 'disabled', reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' };
    // the provider runs in the application, so it may read the clock: DATE_ constraints need a now
    return this.flags.evaluate(flagKey, toFlagContext(context), new Date().toISOString());
  }

  private metadataOf(): Record<string, string> {
    const snapshot = this.flags?.snapshot;
    return snapshot ? { environment: snapshot.environment, revision: snapshot.revision } : {};
  }

  private fallback<T>(result: FlagEvaluation, defaultValue: T): ResolutionDetails<T> {
    return { value: defaultValue, variant: result.variant, reason: result.reason, flagMetadata: this.metadataOf() };
  }
}

// The SDK turns an errorCode into its error path: default value, reason ERROR, error hooks run.
// Its ErrorCode is an enum of these same strings; `never` bridges our string to it.
function failure<T>(result: FlagEvaluation, defaultValue: T): ResolutionDetails<T> {
  const message = result.errorCode === 'FLAG_NOT_FOUND' ? `flag "${result.flag}" does not exist in this environment` : 'the provider has no flags yet';
  return { value: defaultValue, reason: 'ERROR', errorCode: result.errorCode as never, errorMessage: message };
}

function mismatch<T>(result: FlagEvaluation, defaultValue: T, message: string): ResolutionDetails<T> {
  return { value: defaultValue, variant: result.variant, reason: 'ERROR', errorCode: 'TYPE_MISMATCH' as never, errorMessage: message };
}

function changedFlags(before: FlagSnapshot | undefined, after: FlagSnapshot): string[] {
  const previous = new Map((before?.flags ?? []).map((flag) => [flag.name, JSON.stringify(flag)]));
  const changed = after.flags.filter((flag) => previous.get(flag.name) !== JSON.stringify(flag)).map((flag) => flag.name);
  const gone = [...previous.keys()].filter((name) => !after.flags.some((flag) => flag.name === name));
  // a change in live versions can flip any flag with deployment conditions
  const conditional = before && JSON.stringify(before.live) !== JSON.stringify(after.live)
    ? after.flags.filter((flag) => (flag.conditions ?? []).length > 0).map((flag) => flag.name)
    : [];
  return [...new Set([...changed, ...gone, ...conditional])];
}
