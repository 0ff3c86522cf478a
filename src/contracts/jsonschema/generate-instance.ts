import type { SchemaSet } from './schema-set.ts';
import { expandConjuncts, writerBranches } from './expand-conjuncts.ts';
import { SchemaView } from './schema-view.ts';
import { FORMAT_SAMPLES, formatAccepts, primitiveAccepts } from './primitive-accepts.ts';
import { samplePattern } from './pattern-sampler.ts';
import { sameValue } from './schema-view.ts';
import type { InstanceKind, SchemaNode } from './schema-node.ts';

export interface GenerateOptions {
  readonly kind?: InstanceKind;
  /** Values to place at these property names or array indexes. */
  readonly set?: ReadonlyMap<string | number, unknown>;
  /** Property names to leave out. */
  readonly omit?: readonly string[];
  /** Values the result must differ from (to step outside a reader's enum). */
  readonly avoid?: readonly unknown[];
  /** Array length or object property count to reach at least. */
  readonly size?: number;
}

const KIND_ORDER: readonly InstanceKind[] = ['object', 'array', 'string', 'integer', 'fraction', 'boolean', 'null'];
const MAX_DEPTH = 12;

/**
 * Builds a small instance the writer may produce, shaped by the options. Best effort: the result
 * is a candidate that the caller verifies with ajv, so a wrong guess costs a warning, never a
 * false report.
 */
export function generateInstance(set: SchemaSet, nodes: readonly SchemaNode[], options: GenerateOptions = {}, depth = 0): { value: unknown } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const plain = options.kind === undefined && !options.set && !options.omit && !options.avoid && options.size === undefined;
  if (!plain) return generateFresh(set, nodes, options, depth);
  // Unshaped instances are built again and again (every example re-builds its parents' required
  // properties): one per schema set, node list and depth is enough. Results are never mutated.
  let cache = unshaped.get(set);
  if (!cache) unshaped.set(set, (cache = new Map()));
  const key = `${depth}|${nodes.map((node) => node.id).join('\u0000')}`;
  let known = cache.get(key);
  if (known === undefined) {
    known = generateFresh(set, nodes, options, depth) ?? null;
    cache.set(key, known);
  }
  return known ?? undefined;
}

const unshaped = new WeakMap<SchemaSet, Map<string, { value: unknown } | null>>();

function generateFresh(set: SchemaSet, nodes: readonly SchemaNode[], options: GenerateOptions, depth: number): { value: unknown } | undefined {
  const conjuncts = nodes.flatMap((node) => expandConjuncts(set, node));
  for (const branch of writerBranches(set, conjuncts).slice(0, 8)) {
    const view = new SchemaView(set, branch);
    if (view.impossible) continue;
    const built = fromView(view, options, depth);
    if (built) return built;
  }
  return undefined;
}

export function fromView(view: SchemaView, options: GenerateOptions, depth: number): { value: unknown } | undefined {
  if (view.values) {
    const value = view.values.find((v) => (!options.kind || kindMatches(v, options.kind)) && !(options.avoid ?? []).some((a) => sameValue(a, v)));
    return value === undefined && !view.values.some((v) => v === undefined) ? undefined : { value };
  }
  const kind = options.kind ?? (view.kinds.size === 7 ? 'string' : KIND_ORDER.find((k) => view.kinds.has(k)));
  if (!kind || !view.kinds.has(kind)) return undefined;
  const avoid = options.avoid ?? [];
  const pick = (candidates: Iterable<unknown>): { value: unknown } | undefined => {
    for (const candidate of candidates) if (primitiveAccepts(view, candidate) && !avoid.some((a) => sameValue(a, candidate))) return { value: candidate };
    return undefined;
  };
  switch (kind) {
    case 'null':
      return pick([null]);
    case 'boolean':
      return pick([true, false]);
    case 'integer':
    case 'fraction':
      return pick(numberStream(view, kind, []));
    case 'string':
      return pick(stringCandidates(view));
    case 'array':
      return buildArray(view, options, depth);
    case 'object':
      return buildObject(view, options, depth);
  }
}

function kindMatches(value: unknown, kind: InstanceKind): boolean {
  if (kind === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (kind === 'fraction') return typeof value === 'number' && !Number.isInteger(value);
  if (kind === 'null') return value === null;
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === kind;
}

/** Numbers near every bound and multiple the view names, plus the usual small ones. */
export function numberCandidates(view: SchemaView, kind: 'integer' | 'fraction', extra: readonly number[] = []): number[] {
  return [...new Set(numberStream(view, kind, extra))];
}

/** The candidates in order, repeats included, made one at a time: a pick usually stops at the first. */
function* numberStream(view: SchemaView, kind: 'integer' | 'fraction', extra: readonly number[]): Generator<number> {
  const anchors = [0, 1, -1, ...extra];
  if (view.lower) anchors.push(view.lower.value);
  if (view.upper) anchors.push(view.upper.value);
  const step = view.multipleOf.length > 0 ? view.multipleOf.reduce((a, b) => lcm(a, b)) : kind === 'integer' ? 1 : 0.5;
  const snap = view.multipleOf.length > 0;
  for (const anchor of anchors) {
    for (const delta of [0, step, -step, 0.5, -0.5, 0.25, 1, -1, 2 * step]) {
      const raw = anchor + delta;
      const snapped = snap ? Math.ceil(raw / step - 1e-9) * step : raw;
      for (const value of [raw, snapped, Math.floor(raw), Math.ceil(raw), raw + 0.5]) {
        const rounded = Number.isInteger(value) && Math.abs(value) < 1e12 ? value + 0 : Number(value.toPrecision(12));
        if (Number.isFinite(rounded) && kindMatches(rounded, kind)) yield rounded;
      }
    }
  }
}

/** Strings of the lengths, formats and patterns the view names. */
export function stringCandidates(view: SchemaView, extraLengths: readonly number[] = []): string[] {
  const out: string[] = [];
  const bases: string[] = [];
  for (const format of view.formats) if (FORMAT_SAMPLES[format]) bases.push(FORMAT_SAMPLES[format]!);
  for (const pattern of view.patterns) for (let variant = 0; variant < 3; variant++) {
    const sample = samplePattern(pattern, variant);
    if (sample !== undefined) bases.push(sample);
  }
  bases.push('a', 'x', '', 'abc', '0', 'A');
  const lengths = [view.minLength, Number.isFinite(view.maxLength) ? view.maxLength : view.minLength + 3, ...extraLengths].filter((n) => n >= 0 && n < 10_000);
  for (const base of bases) {
    out.push(base);
    for (const length of lengths) out.push(fit(base, length));
  }
  return out.filter((s) => view.formats.every((f) => formatAccepts(f, s)) || view.formats.length === 0);
}

function fit(text: string, length: number): string {
  const chars = [...text];
  if (chars.length >= length) return chars.slice(0, length).join('');
  const filler = chars.length > 0 ? chars[chars.length - 1]! : 'a';
  return text + filler.repeat(length - chars.length);
}

function buildArray(view: SchemaView, options: GenerateOptions, depth: number): { value: unknown } | undefined {
  const overrides = options.set ?? new Map();
  const highest = Math.max(-1, ...[...overrides.keys()].filter((k): k is number => typeof k === 'number'));
  const length = Math.max(view.minItems, highest + 1, options.size ?? 0);
  if (length > view.maxItems || length > 1000) return undefined;
  const items: unknown[] = [];
  for (let index = 0; index < length; index++) {
    if (overrides.has(index)) {
      items.push(overrides.get(index));
      continue;
    }
    const item = generateInstance(view.set, view.itemNodes(index), view.uniqueItems ? { avoid: items } : {}, depth + 1);
    if (!item) return undefined;
    items.push(item.value);
  }
  return { value: items };
}

function buildObject(view: SchemaView, options: GenerateOptions, depth: number): { value: unknown } | undefined {
  const out: Record<string, unknown> = {};
  const omit = new Set(options.omit ?? []);
  const overrides = options.set ?? new Map();
  const names = [...view.required].filter((n) => !omit.has(n));
  // dependentRequired pulls in more names once a key is present
  for (let i = 0; i < names.length; i++) for (const dep of view.dependentRequired.get(names[i]!) ?? []) if (!names.includes(dep) && !omit.has(dep)) names.push(dep);
  for (const [key] of overrides) {
    if (typeof key === 'string' && !names.includes(key)) {
      names.push(key);
      for (const dep of view.dependentRequired.get(key) ?? []) if (!names.includes(dep) && !omit.has(dep)) names.push(dep);
    }
  }
  const wanted = Math.max(view.minProperties, options.size ?? 0);
  const optional = [...view.declaredNames()].filter((n) => !names.includes(n) && !omit.has(n));
  for (let i = 0; names.length < wanted && i < optional.length; i++) names.push(optional[i]!);
  for (let i = 0; names.length < wanted && i < 1000; i++) if (!omit.has(`extra${i}`)) names.push(`extra${i}`);
  for (const name of names) {
    if (overrides.has(name)) {
      out[name] = overrides.get(name);
      continue;
    }
    const property = generateInstance(view.set, view.propertyNodes(name), {}, depth + 1);
    if (!property) return undefined;
    out[name] = property.value;
  }
  return { value: out };
}

function lcm(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b)) return Math.max(a, b);
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
}
