import type { SchemaSet } from './schema-set.ts';
import { INSTANCE_KINDS, isSchemaObject, kindOf, kindsOfType, type InstanceKind, type SchemaNode } from './schema-node.ts';

export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/**
 * The keywords of a conjunction of combinator-free schemas, merged: what all of them allow
 * together. Object and array keywords stay per conjunct, because `additionalProperties` and
 * `additionalItems` only make sense against their own schema's `properties` and `items`.
 */
export class SchemaView {
  readonly objects: Record<string, unknown>[] = [];
  readonly objectNodes: SchemaNode[] = [];
  readonly impossible: boolean;
  readonly kinds: Set<InstanceKind>;
  readonly values?: unknown[];
  readonly lower?: Bound;
  readonly upper?: Bound;
  readonly multipleOf: number[] = [];
  readonly minLength: number = 0;
  readonly maxLength: number = Infinity;
  readonly patterns: string[] = [];
  readonly formats: string[] = [];
  readonly minItems: number = 0;
  readonly maxItems: number = Infinity;
  readonly uniqueItems: boolean = false;
  readonly minProperties: number = 0;
  readonly maxProperties: number = Infinity;
  readonly required = new Set<string>();
  readonly dependentRequired = new Map<string, Set<string>>();

  constructor(
    readonly set: SchemaSet,
    readonly nodes: readonly SchemaNode[],
  ) {
    let impossible = false;
    let kinds = new Set<InstanceKind>(INSTANCE_KINDS);
    let values: unknown[] | undefined;
    const mutable = this as { -readonly [K in keyof SchemaView]: SchemaView[K] };
    for (const node of nodes) {
      const s = node.schema;
      if (s === false) impossible = true;
      if (!isSchemaObject(s)) continue;
      this.objects.push(s);
      this.objectNodes.push(node);
      if (s['type'] !== undefined) {
        const types = Array.isArray(s['type']) ? s['type'] : [s['type']];
        const allowed = new Set(types.flatMap((t) => (typeof t === 'string' ? kindsOfType(t) : [])));
        kinds = new Set([...kinds].filter((k) => allowed.has(k)));
      }
      const listed = 'const' in s ? [s['const']] : Array.isArray(s['enum']) ? (s['enum'] as unknown[]) : undefined;
      if (listed) values = values ? values.filter((v) => listed.some((w) => sameValue(v, w))) : listed;
      const min = bound(s, 'minimum', 'exclusiveMinimum');
      if (min && (!mutable.lower || min.value > mutable.lower.value || (min.value === mutable.lower.value && min.exclusive))) mutable.lower = min;
      const max = bound(s, 'maximum', 'exclusiveMaximum');
      if (max && (!mutable.upper || max.value < mutable.upper.value || (max.value === mutable.upper.value && max.exclusive))) mutable.upper = max;
      if (typeof s['multipleOf'] === 'number' && s['multipleOf'] > 0) this.multipleOf.push(s['multipleOf']);
      if (typeof s['minLength'] === 'number') mutable.minLength = Math.max(this.minLength, s['minLength']);
      if (typeof s['maxLength'] === 'number') mutable.maxLength = Math.min(this.maxLength, s['maxLength']);
      if (typeof s['pattern'] === 'string') this.patterns.push(s['pattern']);
      if (typeof s['format'] === 'string') this.formats.push(s['format']);
      if (typeof s['minItems'] === 'number') mutable.minItems = Math.max(this.minItems, s['minItems']);
      if (typeof s['maxItems'] === 'number') mutable.maxItems = Math.min(this.maxItems, s['maxItems']);
      if (s['uniqueItems'] === true) mutable.uniqueItems = true;
      if (typeof s['minProperties'] === 'number') mutable.minProperties = Math.max(this.minProperties, s['minProperties']);
      if (typeof s['maxProperties'] === 'number') mutable.maxProperties = Math.min(this.maxProperties, s['maxProperties']);
      if (Array.isArray(s['required'])) for (const name of s['required']) if (typeof name === 'string') this.required.add(name);
      for (const [key, deps] of Object.entries(dependentRequiredOf(node))) {
        const known = this.dependentRequired.get(key) ?? new Set<string>();
        deps.forEach((d) => known.add(d));
        this.dependentRequired.set(key, known);
      }
    }
    if (values) {
      kinds = new Set(values.map(kindOf).filter((k) => kinds.has(k)));
      values = values.filter((v) => kinds.has(kindOf(v)));
      mutable.values = values;
    }
    if (this.lower && this.upper && (this.lower.value > this.upper.value || (this.lower.value === this.upper.value && (this.lower.exclusive || this.upper.exclusive)))) {
      kinds.delete('integer');
      kinds.delete('fraction');
    }
    // an integer multipleOf admits no fractions; a short integer range is as good as an enum
    if (this.multipleOf.some((m) => Number.isInteger(m))) kinds.delete('fraction');
    if (!values && kinds.size === 1 && kinds.has('integer') && this.lower && this.upper) {
      const low = this.lower.exclusive ? Math.floor(this.lower.value) + 1 : Math.ceil(this.lower.value);
      const high = this.upper.exclusive ? Math.ceil(this.upper.value) - 1 : Math.floor(this.upper.value);
      if (high - low <= 64) {
        const listed: number[] = [];
        for (let n = low; n <= high; n++) if (this.multipleOf.every((m) => Math.abs(n / m - Math.round(n / m)) < 1e-9)) listed.push(n);
        mutable.values = listed;
        if (listed.length === 0) kinds.delete('integer');
      }
    }
    if (this.minLength > this.maxLength) kinds.delete('string');
    if (this.minItems > this.maxItems) kinds.delete('array');
    if (this.minProperties > this.maxProperties) kinds.delete('object');
    this.kinds = kinds;
    this.impossible = impossible || kinds.size === 0;
  }

  /** The schemas every value of property `name` must satisfy, or `false` when some conjunct forbids it. */
  propertyNodes(name: string): SchemaNode[] {
    const out: SchemaNode[] = [];
    this.objectNodes.forEach((node, index) => {
      const s = this.objects[index]!;
      let matched = false;
      const properties = s['properties'];
      if (isSchemaObject(properties) && Object.prototype.hasOwnProperty.call(properties, name)) {
        out.push(this.set.child(node, 'properties', name));
        matched = true;
      }
      const patterns = s['patternProperties'];
      if (isSchemaObject(patterns)) {
        for (const pattern of Object.keys(patterns)) {
          if (safeTest(pattern, name)) {
            out.push(this.set.child(node, 'patternProperties', pattern));
            matched = true;
          }
        }
      }
      if (!matched && s['additionalProperties'] !== undefined) out.push(this.set.child(node, 'additionalProperties'));
    });
    return out;
  }

  /** Property names the conjuncts declare in `properties`. */
  declaredNames(): Set<string> {
    const names = new Set<string>();
    for (const s of this.objects) if (isSchemaObject(s['properties'])) Object.keys(s['properties']).forEach((n) => names.add(n));
    return names;
  }

  propertyPatterns(): string[] {
    return this.objects.flatMap((s) => (isSchemaObject(s['patternProperties']) ? Object.keys(s['patternProperties']) : []));
  }

  /** Item schemas at `index`: each conjunct's tuple entry there, or its schema for the rest. */
  itemNodes(index: number): SchemaNode[] {
    const out: SchemaNode[] = [];
    this.objectNodes.forEach((node) => {
      const { prefix, rest } = itemKeywords(node);
      if (prefix && index < prefix.length) out.push(this.set.child(node, prefix.keyword, index));
      else if (rest) out.push(this.set.child(node, rest));
    });
    return out;
  }

  prefixLength(): number {
    return Math.max(0, ...this.objectNodes.map((node) => itemKeywords(node).prefix?.length ?? 0));
  }

  has(keyword: string): SchemaNode | undefined {
    const index = this.objects.findIndex((s) => s[keyword] !== undefined);
    return index < 0 ? undefined : this.objectNodes[index];
  }
}

/** `items`/`prefixItems`/`additionalItems` read per dialect: 2020-12 uses `prefixItems` + `items`. */
export function itemKeywords(node: SchemaNode): { prefix?: { keyword: string; length: number }; rest?: string } {
  const s = node.schema as Record<string, unknown>;
  if (node.doc.dialect === '2020-12') {
    const prefix = Array.isArray(s['prefixItems']) ? { keyword: 'prefixItems', length: s['prefixItems'].length } : undefined;
    return { ...(prefix ? { prefix } : {}), ...(s['items'] !== undefined && !Array.isArray(s['items']) ? { rest: 'items' } : {}) };
  }
  if (Array.isArray(s['items'])) {
    return { prefix: { keyword: 'items', length: s['items'].length }, ...(s['additionalItems'] !== undefined ? { rest: 'additionalItems' } : {}) };
  }
  return s['items'] !== undefined ? { rest: 'items' } : {};
}

/** `dependentRequired`, and draft-07 `dependencies` with a list of names, as one map. */
export function dependentRequiredOf(node: SchemaNode): Record<string, string[]> {
  const s = node.schema as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  const sources = [node.doc.dialect === 'draft-07' ? s['dependencies'] : s['dependentRequired'], node.doc.dialect === 'draft-07' ? undefined : s['dependencies']];
  for (const source of sources) {
    if (!isSchemaObject(source)) continue;
    for (const [key, value] of Object.entries(source)) if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

function bound(s: Record<string, unknown>, inclusive: string, exclusive: string): Bound | undefined {
  const a = typeof s[inclusive] === 'number' ? { value: s[inclusive] as number, exclusive: false } : undefined;
  const b = typeof s[exclusive] === 'number' ? { value: s[exclusive] as number, exclusive: true } : undefined;
  if (!a) return b;
  if (!b) return a;
  const tighter = inclusive === 'minimum' ? b.value >= a.value : b.value <= a.value;
  return tighter ? b : a;
}

const regexCache = new Map<string, RegExp | null>();
export function compilePattern(pattern: string): RegExp | undefined {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? undefined;
}

export function safeTest(pattern: string, text: string): boolean {
  return compilePattern(pattern)?.test(text) ?? false;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
