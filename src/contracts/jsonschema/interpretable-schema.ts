import { valueAt, type SchemaSet } from './schema-set.ts';
import { isSchemaObject, type Dialect } from './schema-node.ts';
import { compilePattern } from './schema-view.ts';
import { ContractError } from '../contract-error.ts';

/** Keywords ajv ignores (annotations, or unknown to it with `strict: false`). */
const IGNORED = new Set(['$schema', '$comment', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated', '$defs', 'definitions', 'contentMediaType', 'contentEncoding', 'example', 'xml', 'externalDocs']);

const COMMON = new Set([
  'type', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format',
  'minItems', 'maxItems', 'uniqueItems', 'contains', 'minProperties', 'maxProperties', 'required', 'properties', 'patternProperties', 'additionalProperties',
  'propertyNames', 'dependencies', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref',
]);

/** What each dialect's ajv class evaluates beyond the common keywords. */
const BY_DIALECT: Readonly<Record<Dialect, ReadonlySet<string>>> = {
  'draft-07': new Set([...COMMON, 'items', 'additionalItems']),
  '2019-09': new Set([...COMMON, 'items', 'additionalItems', 'dependentRequired', 'dependentSchemas']),
  '2020-12': new Set([...COMMON, 'prefixItems', 'items', 'dependentRequired', 'dependentSchemas']),
};

export const TYPES = new Set(['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']);
export const MAX_DEPTH = 500;

/** Thrown inside the walk when a schema or instance is outside what the interpreter reproduces exactly. */
export class Unsupported extends Error {}

const shapes = new WeakMap<SchemaSet, boolean>();

/**
 * Whether every schema in the entry document (and every `$ref` target) is one the instance
 * interpreter reproduces ajv on: known keywords for the dialect, with the value types ajv demands
 * when it compiles, plain JSON-pointer references, no nested `$id`. Checked once per schema set.
 */
export function interpretable(set: SchemaSet): boolean {
  let known = shapes.get(set);
  if (known === undefined) {
    try {
      new Shape(set.entry.json, set.dialect).check(set.entry.json, 0, true);
      known = true;
    } catch (error) {
      if (!(error instanceof Unsupported || error instanceof RangeError || error instanceof ContractError || error instanceof URIError)) throw error;
      known = false;
    }
    shapes.set(set, known);
  }
  return known;
}

const NUMBER_VALUED = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);
const SCHEMA_VALUED = new Set(['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/** The checks ajv makes when it compiles, over every schema in the document. */
class Shape {
  private readonly seen = new Set<object>();
  private readonly keywords: ReadonlySet<string>;

  constructor(
    private readonly root: unknown,
    private readonly dialect: Dialect,
  ) {
    this.keywords = BY_DIALECT[dialect];
  }

  check(schema: unknown, depth = 0, top = false): void {
    if (depth > MAX_DEPTH) throw new Unsupported('too deep');
    if (typeof schema === 'boolean') return;
    if (!isSchemaObject(schema)) throw new Unsupported('not a schema');
    if (this.seen.has(schema)) return;
    this.seen.add(schema);
    const s = schema;
    const next = depth + 1;
    for (const key in s) {
      const value = s[key];
      if (key === '$id' && top) continue; // the verifier strips the root id
      if (key === '$defs' || key === 'definitions') {
        if (!isSchemaObject(value)) throw new Unsupported(key);
        for (const name in value) if (isSchemaObject(value[name]) || typeof value[name] === 'boolean') this.check(value[name], next);
        continue;
      }
      if (IGNORED.has(key) || key.startsWith('x-')) continue;
      if (!this.keywords.has(key)) throw new Unsupported(key);
      if (NUMBER_VALUED.has(key)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unsupported(key);
        continue;
      }
      if (SCHEMA_VALUED.has(key)) {
        this.check(value, next);
        continue;
      }
      if (SCHEMA_LISTS.has(key)) {
        if (!Array.isArray(value) || value.length === 0) throw new Unsupported(key);
        for (const item of value) this.check(item, next);
        continue;
      }
      if (SCHEMA_MAPS.has(key)) {
        if (!isSchemaObject(value)) throw new Unsupported(key);
        for (const name in value) {
          if (name in Object.prototype) throw new Unsupported('inherited name');
          if (key === 'patternProperties' && !compilePattern(name)) throw new Unsupported(key);
          this.check(value[name], next);
        }
        continue;
      }
      switch (key) {
        case 'type': {
          const types = Array.isArray(value) ? value : [value];
          if (types.length === 0 || types.some((t) => typeof t !== 'string' || !TYPES.has(t))) throw new Unsupported(key);
          break;
        }
        case 'enum':
          if (!Array.isArray(value) || value.length === 0) throw new Unsupported(key);
          break;
        case 'pattern':
          if (typeof value !== 'string' || !compilePattern(value)) throw new Unsupported(key);
          break;
        case 'format':
          if (typeof value !== 'string') throw new Unsupported(key);
          break;
        case 'uniqueItems':
          if (typeof value !== 'boolean') throw new Unsupported(key);
          break;
        case 'required':
          if (!Array.isArray(value) || value.some((name) => typeof name !== 'string' || name in Object.prototype)) throw new Unsupported(key);
          break;
        case 'items':
          if (Array.isArray(value)) {
            if (this.dialect === '2020-12' || value.length === 0) throw new Unsupported(key);
            for (const item of value) this.check(item, next);
          } else this.check(value, next);
          break;
        case 'dependencies':
        case 'dependentRequired':
          if (!isSchemaObject(value)) throw new Unsupported(key);
          for (const [name, dependency] of Object.entries(value)) {
            if (name in Object.prototype) throw new Unsupported('inherited name');
            if (Array.isArray(dependency)) {
              if (dependency.some((d) => typeof d !== 'string' || d in Object.prototype)) throw new Unsupported(key);
            } else if (key === 'dependencies') this.check(dependency, next);
            else throw new Unsupported(key);
          }
          break;
        case '$ref':
          if (typeof value !== 'string' || !(value === '#' || value.startsWith('#/'))) throw new Unsupported(key);
          this.check(valueAt(this.root, decodeURIComponent(value.slice(1))), next);
          break;
      }
      if (key === '$id' || key === '$anchor') throw new Unsupported(key);
    }
  }
}

