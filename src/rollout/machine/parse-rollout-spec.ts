import { StepwiseError } from '../../model/errors.ts';
import type { AnalysisThresholds } from '../analysis/analysis-thresholds.ts';
import { parseDuration } from './duration.ts';
import { DEFAULT_BLUE_GREEN, DEFAULT_ROLLOUT_SPEC, type RolloutSpec, type RolloutStep } from './rollout-spec.ts';

type Raw = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(pointer: string, message: string, file?: string): never {
  throw new StepwiseError('MANIFEST_INVALID', `${file ? `${file}: ` : ''}rollout ${pointer}: ${message}`, { file, pointer });
}

function duration(value: unknown, pointer: string, file?: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) fail(pointer, `expected a duration like 500ms, 10s or 2m, got ${JSON.stringify(value)}`, file);
  return ms;
}

function thresholds(raw: unknown, base: AnalysisThresholds, pointer: string, file?: string): AnalysisThresholds {
  if (raw === undefined) return base;
  if (!isObject(raw)) fail(pointer, 'expected an object of analysis thresholds', file);
  const number = (key: string, min: number, max: number): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || value < min || value > max) fail(`${pointer}/${key}`, `expected a number from ${min} to ${max}`, file);
    return value;
  };
  const known = new Set(['duration', 'maxErrorRate', 'minRequests', 'minFailures', 'maxP99', 'maxP99Ratio', 'latencyFloor', 'window']);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(`${pointer}/${key}`, `unknown analysis setting (known: ${[...known].join(', ')})`, file);
  const maxP99 = raw['maxP99'] === undefined ? base.maxP99Ms : duration(raw['maxP99'], `${pointer}/maxP99`, file);
  return {
    maxErrorRate: number('maxErrorRate', 0, 1) ?? base.maxErrorRate,
    minRequests: number('minRequests', 1, 1e9) ?? base.minRequests,
    minFailures: number('minFailures', 1, 1e9) ?? base.minFailures,
    maxP99Ratio: number('maxP99Ratio', 1, 1e6) ?? base.maxP99Ratio,
    latencyFloorMs: raw['latencyFloor'] === undefined ? base.latencyFloorMs : duration(raw['latencyFloor'], `${pointer}/latencyFloor`, file),
    windowMs: raw['window'] === undefined ? base.windowMs : duration(raw['window'], `${pointer}/window`, file),
    ...(maxP99 === undefined ? {} : { maxP99Ms: maxP99 }),
  };
}

function untilPromoted(value: unknown): boolean {
  return value === null || value === 'until-promoted' || (isObject(value) && Object.keys(value).length === 0);
}

const STEP_KEYS = ['weight', 'pause', 'analysis'] as const;

/**
 * One entry of the steps list. An entry may combine keys, as in `{ weight: 10, pause: 10s }`
 * (the manifest's short form): it stands for its parts in the order weight, pause, analysis.
 */
function canarySteps(raw: unknown, analysis: AnalysisThresholds, pointer: string, file?: string): RolloutStep[] {
  if (!isObject(raw) || Object.keys(raw).length === 0) fail(pointer, 'a step has one or more of weight, pause, analysis', file);
  for (const key of Object.keys(raw as Raw)) {
    if (!(STEP_KEYS as readonly string[]).includes(key)) fail(`${pointer}/${key}`, 'unknown step (expected weight, pause or analysis)', file);
  }
  return STEP_KEYS.filter((key) => key in (raw as Raw)).map((key) => canaryStep(key, (raw as Raw)[key], analysis, pointer, file));
}

function canaryStep(key: (typeof STEP_KEYS)[number], value: unknown, analysis: AnalysisThresholds, pointer: string, file?: string): RolloutStep {
  if (key === 'weight') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) fail(`${pointer}/weight`, 'expected an integer from 0 to 100', file);
    return { kind: 'weight', weight: value };
  }
  if (key === 'pause') {
    if (untilPromoted(value)) return { kind: 'pause' };
    const raw = isObject(value) ? value['duration'] : value;
    return { kind: 'pause', durationMs: duration(raw, `${pointer}/pause`, file) };
  }
  if (isObject(value)) {
    return {
      kind: 'analysis',
      durationMs: value['duration'] === undefined ? 30_000 : duration(value['duration'], `${pointer}/analysis/duration`, file),
      thresholds: thresholds(value, analysis, `${pointer}/analysis`, file),
    };
  }
  return { kind: 'analysis', durationMs: duration(value, `${pointer}/analysis`, file), thresholds: analysis };
}

/**
 * Reads the manifest's `rollout:` section, with the overrides of `environments.<environment>`
 * laid over it. Missing settings take the defaults, so an absent section is a valid spec.
 */
export function parseRolloutSpec(raw: unknown, environment?: string, file?: string): RolloutSpec {
  if (raw === undefined || raw === null) return DEFAULT_ROLLOUT_SPEC;
  if (!isObject(raw)) fail('', 'expected an object', file);
  const overrides = environment && isObject(raw['environments']) ? raw['environments'][environment] : undefined;
  if (overrides !== undefined && !isObject(overrides)) fail(`/environments/${environment}`, 'expected an object', file);
  const merged: Raw = { ...raw, ...(overrides ?? {}) };
  const known = new Set(['canary', 'blueGreen', 'steps', 'analysis', 'progressDeadline', 'onRestart', 'sticky', 'environments']);
  for (const key of Object.keys(merged)) if (!known.has(key)) fail(`/${key}`, `unknown setting (known: ${[...known].join(', ')})`, file);
  if (merged['canary'] !== undefined && merged['blueGreen'] !== undefined) {
    // an environment override naming the other strategy replaces the base one
    if (overrides && overrides['canary'] !== undefined) delete (merged as Record<string, unknown>)['blueGreen'];
    else if (overrides && overrides['blueGreen'] !== undefined) delete (merged as Record<string, unknown>)['canary'];
    else fail('', 'choose one strategy: canary or blueGreen', file);
  }
  const analysis = thresholds(merged['analysis'], DEFAULT_ROLLOUT_SPEC.analysis, '/analysis', file);
  const onRestart = merged['onRestart'] ?? 'resume';
  if (onRestart !== 'resume' && onRestart !== 'rollback') fail('/onRestart', 'expected resume or rollback', file);
  const sticky = merged['sticky'] ?? {};
  if (!isObject(sticky)) fail('/sticky', 'expected { header?, cookie? }', file);
  for (const key of ['header', 'cookie']) {
    if (sticky[key] !== undefined && typeof sticky[key] !== 'string') fail(`/sticky/${key}`, 'expected a name', file);
  }
  const common = {
    analysis,
    progressDeadlineMs:
      merged['progressDeadline'] === undefined ? DEFAULT_ROLLOUT_SPEC.progressDeadlineMs : duration(merged['progressDeadline'], '/progressDeadline', file),
    onRestart,
    sticky: {
      ...(typeof sticky['header'] === 'string' ? { header: sticky['header'].toLowerCase() } : {}),
      ...(typeof sticky['cookie'] === 'string' ? { cookie: sticky['cookie'] } : {}),
    },
  } as const;
  const blueGreen = merged['blueGreen'];
  if (blueGreen !== undefined) {
    if (!isObject(blueGreen)) fail('/blueGreen', 'expected an object', file);
    const preview = blueGreen['preview'];
    return {
      ...common,
      strategy: 'blueGreen',
      steps: [
        preview !== undefined && untilPromoted(preview)
          ? { kind: 'preview' }
          : { kind: 'preview', durationMs: preview === undefined ? DEFAULT_BLUE_GREEN.previewMs : duration(preview, '/blueGreen/preview', file) },
      ],
      scaleDownDelayMs:
        blueGreen['scaleDownDelay'] === undefined ? DEFAULT_BLUE_GREEN.scaleDownDelayMs : duration(blueGreen['scaleDownDelay'], '/blueGreen/scaleDownDelay', file),
    };
  }
  // `steps:` at the top is the manifest's short form of `canary: { steps: … }`.
  if (merged['steps'] !== undefined && merged['canary'] !== undefined) fail('/steps', 'give the steps either at the top or under canary, not both', file);
  const canary = merged['canary'] ?? (merged['steps'] === undefined ? {} : { steps: merged['steps'] });
  const stepsPointer = merged['canary'] === undefined && merged['steps'] !== undefined ? '/steps' : '/canary/steps';
  if (!isObject(canary)) fail('/canary', 'expected an object', file);
  const rawSteps = canary['steps'];
  if (rawSteps !== undefined && !Array.isArray(rawSteps)) fail(stepsPointer, 'expected a list of steps', file);
  const steps =
    rawSteps === undefined
      ? DEFAULT_ROLLOUT_SPEC.steps.map((step) => (step.kind === 'analysis' ? { ...step, thresholds: analysis } : step))
      : rawSteps.flatMap((step, index) => canarySteps(step, analysis, `${stepsPointer}/${index}`, file));
  return {
    ...common,
    strategy: 'canary',
    steps,
    scaleDownDelayMs: canary['scaleDownDelay'] === undefined ? 0 : duration(canary['scaleDownDelay'], '/canary/scaleDownDelay', file),
  };
}
