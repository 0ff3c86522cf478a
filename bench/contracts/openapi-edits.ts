/**
 * Deterministic revisions of a real OpenAPI document for the benchmark: a seeded sequence of
 * edits of varied kinds (removed and added operations, properties removed, added as required,
 * retyped, made nullable, enum values added and removed, bounds tightened, parameters required,
 * statuses removed, operationIds renamed, deprecations, prose), the mix a release actually has.
 */
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object with `properties` anywhere in the document, in document order. */
function objectSchemas(value: unknown, out: Json[] = [], depth = 0): Json[] {
  if (depth > 30 || typeof value !== 'object' || value === null) return out;
  if (isObject(value) && isObject(value.properties)) out.push(value);
  for (const child of Object.values(value)) objectSchemas(child, out, depth + 1);
  return out;
}

function operations(doc: Json): { path: string; method: string; op: Json }[] {
  const out: { path: string; method: string; op: Json }[] = [];
  for (const [path, item] of Object.entries((doc.paths as Json) ?? {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) if (isObject(item[method])) out.push({ path, method, op: item[method] as Json });
  }
  return out;
}

type Edit = (doc: Json, next: () => number, n: number) => string | undefined;

const pick = <T>(list: readonly T[], next: () => number): T | undefined => list[Math.floor(next() * list.length)];

const EDITS: Record<string, Edit> = {
  removeOperation(doc, next) {
    const target = pick(operations(doc), next);
    if (!target) return undefined;
    delete ((doc.paths as Json)[target.path] as Json)[target.method];
    return `removed ${target.method.toUpperCase()} ${target.path}`;
  },
  addOperation(doc, next, n) {
    const source = pick(operations(doc), next);
    if (!source) return undefined;
    const path = `/bench/added-${n}`;
    (doc.paths as Json)[path] = { [source.method]: { ...structuredClone(source.op), operationId: `benchAdded${n}` } };
    return `added ${source.method.toUpperCase()} ${path}`;
  },
  removeProperty(doc, next) {
    const schema = pick(objectSchemas(doc), next);
    const name = schema && pick(Object.keys(schema.properties as Json), next);
    if (!schema || !name) return undefined;
    delete (schema.properties as Json)[name];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((x) => x !== name);
    return `removed property ${name}`;
  },
  addRequiredProperty(doc, next, n) {
    const schema = pick(objectSchemas(doc), next);
    if (!schema) return undefined;
    (schema.properties as Json)[`bench_required_${n}`] = { type: 'string' };
    schema.required = [...(Array.isArray(schema.required) ? schema.required : []), `bench_required_${n}`];
    return `added required property bench_required_${n}`;
  },
  retypeProperty(doc, next) {
    const schema = pick(objectSchemas(doc), next);
    const entry = schema && pick(Object.entries(schema.properties as Json).filter(([, p]) => isObject(p) && p.type === 'string'), next);
    if (!entry) return undefined;
    (entry[1] as Json).type = 'integer';
    return `retyped property ${entry[0]} string -> integer`;
  },
  nullableProperty(doc, next) {
    const schema = pick(objectSchemas(doc), next);
    const entry = schema && pick(Object.entries(schema.properties as Json).filter(([, p]) => isObject(p) && typeof p.type === 'string' && p.nullable !== true), next);
    if (!entry) return undefined;
    (entry[1] as Json).nullable = true;
    return `made property ${entry[0]} nullable`;
  },
  enumValueRemoved(doc, next) {
    const schema = pick(objectSchemas(doc), next);
    const entry = schema && pick(Object.entries(schema.properties as Json).filter(([, p]) => isObject(p) && Array.isArray(p.enum) && p.enum.length > 1), next);
    if (!entry) return undefined;
    const values = (entry[1] as Json).enum as unknown[];
    (entry[1] as Json).enum = values.slice(0, -1);
    return `removed enum value ${String(values[values.length - 1])} of ${entry[0]}`;
  },
  enumValueAdded(doc, next, n) {
    const schema = pick(objectSchemas(doc), next);
    const entry = schema && pick(Object.entries(schema.properties as Json).filter(([, p]) => isObject(p) && Array.isArray(p.enum)), next);
    if (!entry) return undefined;
    (entry[1] as Json).enum = [...((entry[1] as Json).enum as unknown[]), `bench_value_${n}`];
    return `added enum value to ${entry[0]}`;
  },
  maxLengthAdded(doc, next) {
    const schema = pick(objectSchemas(doc), next);
    const entry = schema && pick(Object.entries(schema.properties as Json).filter(([, p]) => isObject(p) && p.type === 'string'), next);
    if (!entry) return undefined;
    (entry[1] as Json).maxLength = 8;
    return `limited ${entry[0]} to maxLength 8`;
  },
  parameterRequired(doc, next) {
    const candidates = operations(doc).flatMap(({ op }) => (Array.isArray(op.parameters) ? op.parameters : []).filter((p): p is Json => isObject(p) && p.in === 'query' && p.required !== true));
    const param = pick(candidates, next);
    if (!param) return undefined;
    param.required = true;
    return `made query parameter ${String(param.name)} required`;
  },
  parameterAdded(doc, next, n) {
    const target = pick(operations(doc), next);
    if (!target) return undefined;
    target.op.parameters = [...(Array.isArray(target.op.parameters) ? target.op.parameters : []), { name: `bench_${n}`, in: 'query', required: true, schema: { type: 'string' } }];
    return `added required query parameter bench_${n} to ${target.method.toUpperCase()} ${target.path}`;
  },
  statusRemoved(doc, next) {
    const target = pick(operations(doc).filter(({ op }) => isObject(op.responses) && Object.keys(op.responses).length > 1), next);
    if (!target) return undefined;
    const status = pick(Object.keys(target.op.responses as Json), next)!;
    delete (target.op.responses as Json)[status];
    return `removed response ${status} of ${target.method.toUpperCase()} ${target.path}`;
  },
  operationIdRenamed(doc, next, n) {
    const target = pick(operations(doc).filter(({ op }) => typeof op.operationId === 'string'), next);
    if (!target) return undefined;
    target.op.operationId = `${String(target.op.operationId)}V${n}`;
    return `renamed operationId of ${target.method.toUpperCase()} ${target.path}`;
  },
  deprecated(doc, next) {
    const target = pick(operations(doc).filter(({ op }) => op.deprecated !== true), next);
    if (!target) return undefined;
    target.op.deprecated = true;
    return `deprecated ${target.method.toUpperCase()} ${target.path}`;
  },
  prose(doc, next, n) {
    const target = pick(operations(doc), next);
    if (!target) return undefined;
    target.op.description = `Reworded in revision ${n}. ${String(target.op.description ?? '')}`;
    return `reworded ${target.method.toUpperCase()} ${target.path}`;
  },
};

/** Applies `count` edits, cycling through the kinds, to a copy of the document. */
export function reviseSpec(original: Json, seed: number, count: number): { doc: Json; edits: string[] } {
  const doc = structuredClone(original);
  const next = random(seed);
  const kinds = Object.keys(EDITS);
  const edits: string[] = [];
  for (let n = 0, attempts = 0; edits.length < count && attempts < count * 20; attempts++, n++) {
    const kind = kinds[n % kinds.length]!;
    const done = EDITS[kind]!(doc, next, n);
    if (done) edits.push(`${kind}: ${done}`);
  }
  return { doc, edits };
}
