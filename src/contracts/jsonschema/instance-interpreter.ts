import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { valueAt, type SchemaSet } from './schema-set.ts';
import { isSchemaObject, type Dialect, type SchemaNode } from './schema-node.ts';
import { compilePattern } from './schema-view.ts';
import { ContractError } from '../contract-error.ts';
import { interpretable, MAX_DEPTH, TYPES, Unsupported } from './interpretable-schema.ts';

// ajv's runtime helpers are CommonJS; depending on the loader the default export is wrapped.
const equal = unwrap(equalModule) as (a: unknown, b: unknown) => boolean;
const ucs2length = unwrap(ucs2lengthModule) as (text: string) => number;

type FormatDefinition = RegExp | ((text: string) => boolean) | { type?: string; validate: RegExp | ((value: never) => boolean); async?: boolean };

/**
 * Validates an instance by walking the schema, as ajv would judge it with the options the
 * verifier uses (`strict: false`, ajv-formats' full formats, `u` patterns, `$ref` siblings
 * applied). Compiling a 500-property schema with ajv costs 0.1–1.5 s, while a walk guided by the
 * instance costs microseconds: it is why this exists. It answers only where it reproduces ajv
 * exactly — one document, keywords it knows with well-formed values (checked over the whole
 * document first, as ajv checks them when it compiles), plain JSON-pointer `$ref`s, no nested
 * `$id`s, no dynamic references or unevaluated keywords, no property names that live on
 * `Object.prototype` — and returns undefined for anything else, so the caller falls back to ajv.
 */
export function interpretInstance(set: SchemaSet, node: SchemaNode, value: unknown): boolean | undefined {
  if (node.doc !== set.entry || !interpretable(set)) return undefined;
  try {
    return new Walk(set.entry.json, set.dialect).valid(node.schema, value, 0);
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError || error instanceof ContractError || error instanceof URIError) return undefined;
    throw error;
  }
}

/** The walk itself, over the parsed document; its shape has been checked, so a keyword's value has the type ajv demands. */
class Walk {
  constructor(
    private readonly root: unknown,
    private readonly dialect: Dialect,
  ) {}

  valid(schema: unknown, data: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH) throw new Unsupported('too deep');
    if (schema === true) return true;
    if (schema === false) return false;
    if (!isSchemaObject(schema)) throw new Unsupported('not a schema');
    const s = schema;
    if (s['type'] !== undefined && !this.typeMatches(s['type'], data)) return false;
    if (s['const'] !== undefined && !equal(data, s['const'])) return false;
    if (s['enum'] !== undefined) {
      if (!Array.isArray(s['enum'])) throw new Unsupported('enum');
      if (!s['enum'].some((v) => equal(data, v))) return false;
    }
    if (typeof data === 'number' && !this.number(s, data)) return false;
    if (typeof data === 'string' && !this.string(s, data)) return false;
    if (Array.isArray(data)) {
      if (!this.array(s, data, depth)) return false;
    } else if (typeof data === 'object' && data !== null && !this.object(s, data as Record<string, unknown>, depth)) return false;
    return this.applicators(s, data, depth);
  }

  private typeMatches(type: unknown, data: unknown): boolean {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0 || types.some((t) => typeof t !== 'string' || !TYPES.has(t))) throw new Unsupported('type');
    return types.some((t) => {
      switch (t) {
        case 'null':
          return data === null;
        case 'array':
          return Array.isArray(data);
        case 'object':
          return typeof data === 'object' && data !== null && !Array.isArray(data);
        case 'integer':
          return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
        case 'number':
          return typeof data === 'number';
        default:
          return typeof data === t;
      }
    });
  }

  private number(s: Record<string, unknown>, data: number): boolean {
    const limit = (keyword: string): number | undefined => {
      const value = s[keyword];
      if (value === undefined) return undefined;
      if (typeof value !== 'number') throw new Unsupported(keyword);
      return value;
    };
    const minimum = limit('minimum');
    if (minimum !== undefined && !(data >= minimum)) return false;
    const maximum = limit('maximum');
    if (maximum !== undefined && !(data <= maximum)) return false;
    const exclusiveMinimum = limit('exclusiveMinimum');
    if (exclusiveMinimum !== undefined && !(data > exclusiveMinimum)) return false;
    const exclusiveMaximum = limit('exclusiveMaximum');
    if (exclusiveMaximum !== undefined && !(data < exclusiveMaximum)) return false;
    const multipleOf = limit('multipleOf');
    if (multipleOf !== undefined) {
      // ajv's own test, parseInt included, so the verdict is the same bit for bit
      const quotient = data / multipleOf;
      if (multipleOf === 0 || quotient !== parseInt(String(quotient)) || Number.isNaN(quotient)) return false;
    }
    return this.format(s, data, 'number');
  }

  private string(s: Record<string, unknown>, data: string): boolean {
    const minLength = s['minLength'];
    const maxLength = s['maxLength'];
    if (minLength !== undefined || maxLength !== undefined) {
      if ((minLength !== undefined && typeof minLength !== 'number') || (maxLength !== undefined && typeof maxLength !== 'number')) throw new Unsupported('length');
      const length = ucs2length(data);
      if (typeof minLength === 'number' && length < minLength) return false;
      if (typeof maxLength === 'number' && length > maxLength) return false;
    }
    if (s['pattern'] !== undefined) {
      const regex = typeof s['pattern'] === 'string' ? compilePattern(s['pattern']) : undefined;
      if (!regex) throw new Unsupported('pattern');
      if (!regex.test(data)) return false;
    }
    return this.format(s, data, 'string');
  }

  /** ajv-formats' full formats; a format applies to the instance type it is defined for, unknown formats are ignored. */
  private format(s: Record<string, unknown>, data: string | number, kind: 'string' | 'number'): boolean {
    const name = s['format'];
    if (name === undefined) return true;
    if (typeof name !== 'string') throw new Unsupported('format');
    if (!Object.prototype.hasOwnProperty.call(fullFormats, name)) return true;
    const definition = (fullFormats as Record<string, FormatDefinition | boolean>)[name]!;
    if (definition === true) return true;
    if (typeof definition === 'boolean') throw new Unsupported('format');
    const [type, check] = definition instanceof RegExp || typeof definition === 'function' ? ['string', definition] : [definition.type ?? 'string', definition.validate];
    if (typeof definition === 'object' && !(definition instanceof RegExp) && definition.async) throw new Unsupported('async format');
    if (type !== kind) return true;
    return check instanceof RegExp ? check.test(String(data)) : (check as (value: unknown) => boolean)(data);
  }

  private array(s: Record<string, unknown>, data: unknown[], depth: number): boolean {
    const count = (keyword: string): number | undefined => {
      const value = s[keyword];
      if (value === undefined) return undefined;
      if (typeof value !== 'number') throw new Unsupported(keyword);
      return value;
    };
    const minItems = count('minItems');
    if (minItems !== undefined && data.length < minItems) return false;
    const maxItems = count('maxItems');
    if (maxItems !== undefined && data.length > maxItems) return false;
    if (s['uniqueItems'] === true) {
      for (let i = 1; i < data.length; i++) for (let j = 0; j < i; j++) if (equal(data[i], data[j])) return false;
    } else if (s['uniqueItems'] !== undefined && s['uniqueItems'] !== false) throw new Unsupported('uniqueItems');
    let prefix = 0;
    let rest: string | undefined;
    if (this.dialect === '2020-12') {
      if (s['prefixItems'] !== undefined) {
        if (!Array.isArray(s['prefixItems'])) throw new Unsupported('prefixItems');
        prefix = s['prefixItems'].length;
        for (let i = 0; i < Math.min(prefix, data.length); i++) if (!this.valid(sub(s, 'prefixItems', i), data[i], depth + 1)) return false;
      }
      if (s['items'] !== undefined) {
        if (Array.isArray(s['items'])) throw new Unsupported('items');
        rest = 'items';
      }
    } else if (Array.isArray(s['items'])) {
      prefix = s['items'].length;
      for (let i = 0; i < Math.min(prefix, data.length); i++) if (!this.valid(sub(s, 'items', i), data[i], depth + 1)) return false;
      if (s['additionalItems'] !== undefined) rest = 'additionalItems';
    } else if (s['items'] !== undefined) {
      rest = 'items';
    }
    if (rest !== undefined) {
      const child = sub(s, rest);
      for (let i = prefix; i < data.length; i++) if (!this.valid(child, data[i], depth + 1)) return false;
    }
    if (s['contains'] !== undefined) {
      const child = sub(s, 'contains');
      if (!data.some((item) => this.valid(child, item, depth + 1))) return false;
    }
    return true;
  }

  private object(s: Record<string, unknown>, data: Record<string, unknown>, depth: number): boolean {
    const keys = Object.keys(data);
    for (const key of keys) if (key in Object.prototype) throw new Unsupported('inherited name');
    const count = (keyword: string): number | undefined => {
      const value = s[keyword];
      if (value === undefined) return undefined;
      if (typeof value !== 'number') throw new Unsupported(keyword);
      return value;
    };
    const minProperties = count('minProperties');
    if (minProperties !== undefined && keys.length < minProperties) return false;
    const maxProperties = count('maxProperties');
    if (maxProperties !== undefined && keys.length > maxProperties) return false;
    if (s['required'] !== undefined) {
      if (!Array.isArray(s['required'])) throw new Unsupported('required');
      for (const name of s['required']) if (!this.present(data, name)) return false;
    }
    const properties = s['properties'];
    const patterns = s['patternProperties'];
    if (properties !== undefined && !isSchemaObject(properties)) throw new Unsupported('properties');
    if (patterns !== undefined && !isSchemaObject(patterns)) throw new Unsupported('patternProperties');
    const compiled = patterns ? Object.keys(patterns).map((pattern) => ({ pattern, regex: compilePattern(pattern) ?? unsupported('patternProperties') })) : [];
    const additional = s['additionalProperties'];
    for (const key of keys) {
      let declared = false;
      if (properties && Object.prototype.hasOwnProperty.call(properties, key)) {
        declared = true;
        if (data[key] !== undefined && !this.valid(sub(s, 'properties', key), data[key], depth + 1)) return false;
      }
      for (const { pattern, regex } of compiled) {
        if (!regex.test(key)) continue;
        declared = true;
        if (!this.valid(sub(s, 'patternProperties', pattern), data[key], depth + 1)) return false;
      }
      if (!declared && additional !== undefined && !this.valid(sub(s, 'additionalProperties'), data[key], depth + 1)) return false;
    }
    if (s['propertyNames'] !== undefined) {
      const child = sub(s, 'propertyNames');
      for (const key of keys) if (!this.valid(child, key, depth + 1)) return false;
    }
    if (!this.dependencies(s, 'dependencies', data, depth, true)) return false;
    if (s['dependentRequired'] !== undefined && !this.dependencies(s, 'dependentRequired', data, depth, false)) return false;
    if (s['dependentSchemas'] !== undefined && !this.dependencies(s, 'dependentSchemas', data, depth, false)) return false;
    return true;
  }

  /** `dependencies` (names or a schema per key), `dependentRequired` (names) and `dependentSchemas` (a schema). */
  private dependencies(s: Record<string, unknown>, keyword: string, data: Record<string, unknown>, depth: number, mixed: boolean): boolean {
    const map = s[keyword];
    if (map === undefined) return true;
    if (!isSchemaObject(map)) throw new Unsupported(keyword);
    for (const [key, dependency] of Object.entries(map)) {
      if (!this.present(data, key)) continue;
      const names = Array.isArray(dependency);
      if (names && (mixed || keyword === 'dependentRequired')) {
        for (const name of dependency) if (!this.present(data, name)) return false;
      } else if (!names && (mixed || keyword === 'dependentSchemas')) {
        if (!this.valid(sub(s, keyword, key), data, depth + 1)) return false;
      } else {
        throw new Unsupported(keyword);
      }
    }
    return true;
  }

  /** ajv's presence test (`data[name] !== undefined`), kept to own names so inherited ones cannot differ. */
  private present(data: Record<string, unknown>, name: unknown): boolean {
    if (typeof name !== 'string' || name in Object.prototype) throw new Unsupported('name');
    return data[name] !== undefined;
  }

  private applicators(s: Record<string, unknown>, data: unknown, depth: number): boolean {
    if (s['$ref'] !== undefined && !this.valid(this.target(s['$ref']), data, depth + 1)) return false;
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = s[keyword];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) throw new Unsupported(keyword);
      let passed = 0;
      for (let i = 0; i < list.length; i++) {
        const ok = this.valid(sub(s, keyword, i), data, depth + 1);
        if (keyword === 'allOf' && !ok) return false;
        if (ok) passed++;
        if (keyword === 'anyOf' && ok) break;
        if (keyword === 'oneOf' && passed > 1) return false;
      }
      if (keyword !== 'allOf' && passed === 0) return false;
    }
    if (s['not'] !== undefined && this.valid(sub(s, 'not'), data, depth + 1)) return false;
    if (s['if'] !== undefined && (s['then'] !== undefined || s['else'] !== undefined)) {
      const branch = this.valid(sub(s, 'if'), data, depth + 1) ? 'then' : 'else';
      if (s[branch] !== undefined && !this.valid(sub(s, branch), data, depth + 1)) return false;
    }
    return true;
  }

  /** Only `#` and `#/json/pointer` inside the node's own document, which ajv and the engine resolve alike. */
  private target(reference: unknown): unknown {
    if (typeof reference !== 'string' || !(reference === '#' || reference.startsWith('#/'))) throw new Unsupported('$ref');
    return valueAt(this.root, decodeURIComponent(reference.slice(1)));
  }
}

/** The subschema at `path` below a schema object; an absent one is not a schema (`valid` declines it). */
function sub(schema: Record<string, unknown>, ...path: (string | number)[]): unknown {
  let value: unknown = schema;
  for (const part of path) value = typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function unsupported(what: string): never {
  throw new Unsupported(what);
}

function unwrap(module: unknown): unknown {
  const wrapped = module as { default?: unknown };
  return typeof module === 'function' ? module : wrapped.default;
}
