import { alternativesOf, branchLabel, matchBranches, type Alternatives } from './alternatives.ts';
import { compareConstraints } from './compare-constraints.ts';
import { minimalInstance, nestExample, sampleOfType } from './example-payload.ts';
import { childOf, isObject, itemsOf, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { OPENAPI_RULE_BY_ID } from './openapi-rules.ts';
import type { FlowDirection, SchemaChange } from './schema-change.ts';
import { compareProperties } from './compare-properties.ts';
import { typeAccepted, typeFacts } from './schema-facts.ts';
import { UnchangedSubtrees } from './unchanged-subtrees.ts';

/** Depth past which nested schemas are not compared further; real specs stay far below it. */
const MAX_DEPTH = 48;

/**
 * Compares two schemas for one direction and returns the raw changes. Results are memoised by the
 * resolved identity of both sides and the direction, so a component schema used in many places is
 * compared once, and a schema reached again while it is being compared (a cycle) contributes
 * nothing the second time.
 */
export class SchemaComparer {
  private readonly memo = new Map<string, readonly SchemaChange[]>();
  private readonly active = new Set<string>();
  private depth = 0;
  private readonly unchanged: UnchangedSubtrees;

  constructor(
    readonly before: OpenApiDocument,
    readonly after: OpenApiDocument,
  ) {
    this.unchanged = new UnchangedSubtrees(before, after);
  }

  compare(bRaw: Located, aRaw: Located, direction: FlowDirection): readonly SchemaChange[] {
    if (this.unchanged.unchanged(bRaw, aRaw)) return [];
    const b = this.before.resolve(bRaw);
    const a = this.after.resolve(aRaw);
    const key = `${direction}|${b.file}#${b.pointer}|${a.file}#${a.pointer}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key) || this.depth > MAX_DEPTH) return [];
    this.active.add(key);
    this.depth++;
    try {
      const out = this.compareResolved(b, a, direction);
      this.memo.set(key, out);
      return out;
    } finally {
      this.depth--;
      this.active.delete(key);
    }
  }

  /** Whether any change in the list is breaking by its rule's catalog severity. */
  static breaks(changes: readonly SchemaChange[]): boolean {
    return changes.some((change) => OPENAPI_RULE_BY_ID.get(change.rule)?.severity === 'breaking');
  }

  /** The document an example for this direction is drawn from: what clients send, or what they may now read. */
  exampleDoc(direction: FlowDirection): OpenApiDocument {
    return direction === 'request' ? this.before : this.after;
  }

  change(rule: string, details: Record<string, unknown>, b: Located | undefined, a: Located | undefined, example?: unknown): SchemaChange {
    return {
      rule,
      details,
      ...(b ? { before: { file: b.file, pointer: b.pointer } } : {}),
      ...(a ? { after: { file: a.file, pointer: a.pointer } } : {}),
      path: [],
      ...(example !== undefined ? { example: { value: example } } : {}),
    };
  }

  /** Prefixes child changes with a path segment and nests their examples in the parent's instance. */
  nest(changes: readonly SchemaChange[], segment: string, bParent: Located, aParent: Located, direction: FlowDirection): SchemaChange[] {
    const parent = direction === 'request' ? bParent : aParent;
    return changes.map((change) => ({
      ...change,
      path: [segment, ...change.path],
      ...(change.example ? { example: { value: nestExample(this.exampleDoc(direction), parent, segment, change.example.value) } } : {}),
    }));
  }

  private compareResolved(bIn: Located, aIn: Located, direction: FlowDirection): SchemaChange[] {
    if (!isObject(bIn.node) || !isObject(aIn.node)) return [];
    const bAlt = alternativesOf(this.before, bIn);
    const aAlt = alternativesOf(this.after, aIn);
    // `anyOf: [X, {type: null}]` is X made nullable: compare X itself, carrying the null branch
    const b = bAlt.single ? this.before.resolve(bAlt.single) : bIn;
    const a = aAlt.single ? this.after.resolve(aAlt.single) : aIn;
    if (!isObject(b.node) || !isObject(a.node)) return [];
    const out: SchemaChange[] = [];
    const bt = typeFacts(this.before, b, bAlt.nullBranch || (b !== bIn && typeFacts(this.before, bIn).nullable));
    const at = typeFacts(this.after, a, aAlt.nullBranch || (a !== aIn && typeFacts(this.after, aIn).nullable));
    const request = direction === 'request';
    if (request && bt.nullable && !at.nullable) out.push(this.change('REQUEST_SCHEMA_NULLABLE_NO_REMOVE', {}, b, a, null));
    if (!request && at.nullable && !bt.nullable) out.push(this.change('RESPONSE_SCHEMA_NO_BECOME_NULLABLE', {}, b, a, null));
    out.push(...this.compareDiscriminators(b, a, direction));
    if (bAlt.alternatives || aAlt.alternatives) {
      out.push(...this.compareAlternatives(b, a, bAlt.alternatives, aAlt.alternatives, direction));
      if (!bAlt.alternatives || !aAlt.alternatives) return out;
    }
    const typeChange = this.compareTypes(b, a, bt.types, at.types, direction);
    if (typeChange) {
      out.push(typeChange);
      if (bt.types && at.types && ![...bt.types].some((t) => typeAccepted(t, at.types) || typeAccepted(t === 'number' ? 'integer' : t, at.types))) return out;
    }
    out.push(...this.compareEnums(b, a, direction));
    for (const change of compareConstraints(b.node, a.node, direction)) out.push(this.change(change.rule, change.details, b, a, change.example));
    if (request) out.push(...this.compareAllOf(b, a));
    out.push(...compareProperties(this, b, a, direction));
    const bItems = childOf(b, 'items');
    const aItems = childOf(a, 'items');
    if (bItems && aItems && isObject(bItems.node) && isObject(aItems.node)) out.push(...this.nest(this.compare(bItems, aItems, direction), '[]', b, a, direction));
    return out;
  }

  private compareTypes(b: Located, a: Located, bt: ReadonlySet<string> | undefined, at: ReadonlySet<string> | undefined, direction: FlowDirection): SchemaChange | undefined {
    const describe = (set: ReadonlySet<string> | undefined): string => (set ? [...set].sort().join('|') || 'nothing' : 'any');
    if (direction === 'request') {
      const lost = bt ? [...bt].filter((t) => !typeAccepted(t, at)) : at ? ['any'] : [];
      if (lost.length === 0) return undefined;
      const example = lost[0] === 'any' ? sampleOfType([...(at ?? [])].includes('string') ? 'integer' : 'string') : minimalOfType(this.before, b, lost[0]!);
      return this.change('REQUEST_SCHEMA_TYPE_NO_CHANGE', { before: describe(bt), after: describe(at) }, b, a, example);
    }
    const added = at ? [...at].filter((t) => !typeAccepted(t, bt)) : bt ? ['any'] : [];
    if (added.length === 0) return undefined;
    const example = added[0] === 'any' ? sampleOfType([...(bt ?? [])].includes('string') ? 'integer' : 'string') : minimalOfType(this.after, a, added[0]!);
    return this.change('RESPONSE_SCHEMA_TYPE_NO_CHANGE', { before: describe(bt), after: describe(at) }, b, a, example);
  }

  private compareEnums(b: Located, a: Located, direction: FlowDirection): SchemaChange[] {
    const bEnum = enumOf(b);
    const aEnum = enumOf(a);
    if (!bEnum && !aEnum) return [];
    if (direction === 'request') {
      if (!aEnum) return [];
      if (!bEnum) return [this.change('REQUEST_SCHEMA_ENUM_NO_ADD', { values: aEnum.map(show) }, b, a, outsideEnum(aEnum))];
      const kept = new Set(aEnum.map((value) => JSON.stringify(value)));
      const removed = bEnum.filter((value) => !kept.has(JSON.stringify(value)));
      return removed.length > 0 ? [this.change('REQUEST_SCHEMA_ENUM_VALUE_NO_DELETE', { values: removed.map(show) }, b, a, removed[0])] : [];
    }
    if (!bEnum) return [];
    if (!aEnum) return [this.change('RESPONSE_SCHEMA_ENUM_NO_REMOVE', { values: bEnum.map(show) }, b, a, outsideEnum(bEnum))];
    const known = new Set(bEnum.map((value) => JSON.stringify(value)));
    const added = aEnum.filter((value) => !known.has(JSON.stringify(value)));
    return added.length > 0 ? [this.change('RESPONSE_SCHEMA_ENUM_VALUE_NO_ADD', { values: added.map(show) }, b, a, added[0])] : [];
  }

  /** A discriminator is how clients and servers pick the alternative: its property and values are wire format. */
  private compareDiscriminators(b: Located, a: Located, direction: FlowDirection): SchemaChange[] {
    const bd = childOf(b, 'discriminator');
    const ad = childOf(a, 'discriminator');
    if (!bd || !ad || !isObject(bd.node) || !isObject(ad.node)) return [];
    const rule = direction === 'request' ? 'REQUEST_SCHEMA_DISCRIMINATOR_NO_CHANGE' : 'RESPONSE_SCHEMA_DISCRIMINATOR_NO_CHANGE';
    const property = String(bd.node.propertyName ?? '');
    if (property !== String(ad.node.propertyName ?? '')) {
      return [this.change(rule, { field: 'propertyName', before: property, after: String(ad.node.propertyName ?? 'none') }, bd, ad, { [property]: 'value' })];
    }
    const bMap = isObject(bd.node.mapping) ? bd.node.mapping : {};
    const aMap = isObject(ad.node.mapping) ? ad.node.mapping : {};
    const out: SchemaChange[] = [];
    for (const [value, target] of Object.entries(bMap)) {
      const now = aMap[value];
      const moved = now !== undefined && String(now).split('/').pop() !== String(target).split('/').pop();
      if ((now === undefined && direction === 'request') || moved) {
        out.push(this.change(rule, { field: `mapping ${value}`, before: String(target), after: now === undefined ? 'none' : String(now) }, bd, ad, { [property]: value }));
      }
    }
    return out;
  }

  /** allOf parts only add constraints: a request schema gaining one narrows what it accepts. */
  private compareAllOf(b: Located, a: Located): SchemaChange[] {
    const bParts = itemsOf(childOf(b, 'allOf'));
    const aParts = itemsOf(childOf(a, 'allOf'));
    if (bParts.length === 0 || aParts.length === 0) return [];
    const pairs = matchBranches(this.before, this.after, bParts, aParts);
    const matched = new Set(pairs.values());
    return aParts.flatMap((part, index) => (matched.has(index) ? [] : [this.change('REQUEST_SCHEMA_ALL_OF_NO_ADD', { branch: branchLabel(part, index) }, b, part, minimalInstance(this.before, b))]));
  }

  private compareAlternatives(b: Located, a: Located, bAlt: Alternatives | undefined, aAlt: Alternatives | undefined, direction: FlowDirection): SchemaChange[] {
    const out: SchemaChange[] = [];
    if (bAlt && aAlt) {
      const pairs = matchBranches(this.before, this.after, bAlt.branches, aAlt.branches);
      const matched = new Set(pairs.values());
      bAlt.branches.forEach((branch, i) => {
        const j = pairs.get(i);
        if (j === undefined) {
          if (direction === 'request') out.push(this.change('REQUEST_SCHEMA_BRANCH_NO_DELETE', { keyword: bAlt.keyword, branch: branchLabel(branch, i) }, branch, a, minimalInstance(this.before, branch)));
          return;
        }
        out.push(...this.nest(this.compare(branch, aAlt.branches[j]!, direction), `(${branchLabel(branch, i)})`, b, a, direction));
      });
      if (direction === 'response') {
        aAlt.branches.forEach((branch, j) => {
          if (!matched.has(j)) out.push(this.change('RESPONSE_SCHEMA_BRANCH_NO_ADD', { keyword: aAlt.keyword, branch: branchLabel(branch, j) }, b, branch, minimalInstance(this.after, branch)));
        });
      }
      return out;
    }
    if (aAlt) {
      // wrapped: old values must still find their branch
      if (direction === 'response') {
        aAlt.branches.forEach((branch, j) => out.push(...this.nest(this.compare(b, branch, direction), `(${branchLabel(branch, j)})`, b, a, direction)));
        return out;
      }
      const bTypes = typeFacts(this.before, b).types;
      let accepting = 0;
      let overlapping = 0;
      for (const branch of aAlt.branches) {
        if (!SchemaComparer.breaks(this.compare(b, branch, direction))) accepting++;
        const types = typeFacts(this.after, this.after.resolve(branch)).types;
        if (!bTypes || !types || [...bTypes].some((t) => typeAccepted(t, types))) overlapping++;
      }
      const ok = aAlt.keyword === 'anyOf' ? accepting > 0 : accepting > 0 && overlapping <= 1;
      if (!ok) {
        const matches = accepting === 0 ? 'none' : `${overlapping} (oneOf needs exactly one)`;
        out.push(this.change('REQUEST_SCHEMA_ALTERNATIVES_ACCEPT_OLD', { keyword: aAlt.keyword, matches }, b, a, minimalInstance(this.before, b)));
      }
      return out;
    }
    if (bAlt) {
      // unwrapped: every old alternative must still be accepted (request), or the new schema must
      // fit inside one old alternative (response)
      if (direction === 'request') {
        bAlt.branches.forEach((branch, i) => out.push(...this.nest(this.compare(branch, a, direction), `(${branchLabel(branch, i)})`, b, a, direction)));
        return out;
      }
      let best: readonly SchemaChange[] | undefined;
      for (const branch of bAlt.branches) {
        const changes = this.compare(branch, a, direction);
        if (!best || score(changes) < score(best)) best = changes;
      }
      out.push(...(best ?? []));
    }
    return out;
  }
}

function score(changes: readonly SchemaChange[]): number {
  return changes.reduce((sum, change) => sum + (OPENAPI_RULE_BY_ID.get(change.rule)?.severity === 'breaking' ? 100 : 1), 0);
}

function enumOf(at: Located): unknown[] | undefined {
  const node = at.node;
  if (!isObject(node)) return undefined;
  if (Array.isArray(node.enum)) return node.enum;
  if (node.const !== undefined) return [node.const];
  return undefined;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function outsideEnum(values: readonly unknown[]): unknown {
  if (values.every((value) => typeof value === 'number')) return Math.max(...(values as number[])) + 1;
  let candidate = 'OTHER_VALUE';
  while (values.includes(candidate)) candidate += '_';
  return candidate;
}

function minimalOfType(doc: OpenApiDocument, at: Located, type: string): unknown {
  const value = minimalInstance(doc, at);
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  return actual === type ? value : sampleOfType(type);
}
