import { childOf, entriesOf, isObject, itemsOf, type JsonObject, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';

/**
 * The facts of a schema node the rules compare, read the same way for every spelling: the type
 * set (with `null` folded in from `nullable: true`, `x-nullable: true` or a 3.1 type list) and the
 * object view merged across `allOf`.
 */
export interface TypeFacts {
  /** Undefined means any type. */
  readonly types?: ReadonlySet<string>;
  readonly nullable: boolean;
}

export function typeFacts(doc: OpenApiDocument, at: Located, nullBranch = false): TypeFacts {
  const node = isObject(at.node) ? at.node : {};
  let nullable = nullBranch || node.nullable === true || node['x-nullable'] === true;
  const set = new Set<string>();
  const type = node.type;
  if (typeof type === 'string') set.add(type);
  else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') set.add(t);
  if (set.has('null')) {
    nullable = true;
    set.delete('null');
  }
  if (set.size === 0 && type === undefined) {
    const inferred = inferTypes(doc, at, 0);
    if (inferred) for (const t of inferred) set.add(t);
  }
  if (set.size === 0 && type === undefined) return { nullable };
  return { types: set, nullable };
}

function inferTypes(doc: OpenApiDocument, at: Located, depth: number): string[] | undefined {
  const node = at.node;
  if (!isObject(node) || depth > 8) return undefined;
  if (node.properties !== undefined || node.additionalProperties !== undefined) return ['object'];
  if (node.items !== undefined) return ['array'];
  for (const part of itemsOf(childOf(at, 'allOf'))) {
    const resolved = doc.resolve(part);
    if (isObject(resolved.node) && resolved.node.type !== undefined) return [resolved.node.type].flat().filter((t): t is string => typeof t === 'string' && t !== 'null');
    const inner = inferTypes(doc, resolved, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** Whether a value of type `t` is accepted by a schema of types `set` (integers are numbers). */
export function typeAccepted(t: string, set: ReadonlySet<string> | undefined): boolean {
  return set === undefined || set.has(t) || (t === 'integer' && set.has('number'));
}

export interface ObjectView {
  readonly properties: ReadonlyMap<string, Located>;
  readonly required: ReadonlySet<string>;
  /** undefined or true: open; false: closed; a schema: extra properties must match it. */
  readonly additional: boolean | Located | undefined;
}

/** Properties and required names of an object schema merged across its `allOf` parts. */
export function objectView(doc: OpenApiDocument, at: Located): ObjectView {
  const properties = new Map<string, Located>();
  const required = new Set<string>();
  let additional: boolean | Located | undefined;
  const seen = new Set<string>();
  const visit = (raw: Located, depth: number): void => {
    const schema = doc.resolve(raw);
    const id = `${schema.file}#${schema.pointer}`;
    if (seen.has(id) || depth > 16 || !isObject(schema.node)) return;
    seen.add(id);
    for (const [name, property] of entriesOf(childOf(schema, 'properties'))) if (!properties.has(name)) properties.set(name, property);
    const names = schema.node.required;
    if (Array.isArray(names)) for (const name of names) if (typeof name === 'string') required.add(name);
    const extra = childOf(schema, 'additionalProperties');
    if (extra && additional === undefined) additional = typeof extra.node === 'boolean' ? extra.node : extra;
    for (const part of itemsOf(childOf(schema, 'allOf'))) visit(part, depth + 1);
  };
  visit(at, 0);
  return { properties, required, additional };
}

export function flag(doc: OpenApiDocument, at: Located, name: 'readOnly' | 'writeOnly' | 'deprecated'): boolean {
  if (isObject(at.node) && at.node[name] === true) return true;
  const node = doc.resolve(at).node;
  return isObject(node) && node[name] === true;
}

export function schemaNode(at: Located): JsonObject {
  return isObject(at.node) ? at.node : {};
}
