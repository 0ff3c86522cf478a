import { ContractError } from '../contract-error.ts';
import type { SchemaDocument } from '../jsonschema/schema-document.ts';
import { escapePointer } from '../jsonschema/schema-node.ts';

export const AVRO_PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;

interface Located {
  readonly doc: SchemaDocument;
  readonly pointer: string;
}

export interface AvroField extends Located {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: AvroType;
  readonly hasDefault: boolean;
  readonly default?: unknown;
}

export type AvroType =
  | (Located & { readonly kind: 'primitive'; readonly name: string; readonly logicalType?: string })
  | (Located & { readonly kind: 'record'; readonly name: string; readonly aliases: readonly string[]; fields: AvroField[] })
  | (Located & { readonly kind: 'enum'; readonly name: string; readonly aliases: readonly string[]; readonly symbols: readonly string[]; readonly default?: string })
  | (Located & { readonly kind: 'fixed'; readonly name: string; readonly aliases: readonly string[]; readonly size: number; readonly logicalType?: string })
  | (Located & { readonly kind: 'array'; readonly items: AvroType })
  | (Located & { readonly kind: 'map'; readonly values: AvroType })
  | (Located & { readonly kind: 'union'; readonly branches: readonly AvroType[] });

/** Named types by full name; one registry per side, shared by all its files. */
export type AvroRegistry = Map<string, AvroType>;

/**
 * Reads an Avro schema (JSON) into a tree with full names resolved (namespaces inherited from the
 * enclosing named type), references to named types linked to their definition, and each node's
 * JSON pointer kept for findings. Malformed schemas throw a located ContractError.
 */
export function readAvroSchema(doc: SchemaDocument, registry: AvroRegistry, pending: Map<string, ((t: AvroType) => void)[]>): AvroType {
  return read(doc.json, '', undefined);

  function fail(message: string, pointer: string): never {
    throw new ContractError(message, doc.location(pointer));
  }

  function fullName(name: unknown, namespace: unknown, enclosing: string | undefined, pointer: string): string {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) fail(`invalid Avro name ${JSON.stringify(name)}`, `${pointer}/name`);
    if (name.includes('.')) return name;
    const space = typeof namespace === 'string' ? namespace : enclosing;
    return space ? `${space}.${name}` : name;
  }

  function namespaceOf(full: string): string | undefined {
    const index = full.lastIndexOf('.');
    return index < 0 ? undefined : full.slice(0, index);
  }

  function aliasesOf(value: unknown, namespace: string | undefined, pointer: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) fail('aliases must be a list of names', `${pointer}/aliases`);
    return (value as string[]).map((alias) => (alias.includes('.') || !namespace ? alias : `${namespace}.${alias}`));
  }

  function define(type: AvroType & { name: string }, pointer: string): void {
    if (registry.has(type.name)) fail(`the name ${type.name} is defined twice`, pointer);
    registry.set(type.name, type);
    for (const resolve of pending.get(type.name) ?? []) resolve(type);
    pending.delete(type.name);
  }

  function read(value: unknown, pointer: string, namespace: string | undefined): AvroType {
    if (typeof value === 'string') {
      if ((AVRO_PRIMITIVES as readonly string[]).includes(value)) return { kind: 'primitive', name: value, doc, pointer };
      const name = value.includes('.') || !namespace ? value : `${namespace}.${value}`;
      const known = registry.get(name) ?? registry.get(value);
      if (known) return known;
      fail(`unknown Avro type ${JSON.stringify(value)}`, pointer);
    }
    if (Array.isArray(value)) {
      const branches = value.map((branch, index) => read(branch, `${pointer}/${index}`, namespace));
      if (branches.some((b) => b.kind === 'union')) fail('a union may not contain a union directly', pointer);
      return { kind: 'union', branches, doc, pointer };
    }
    if (typeof value !== 'object' || value === null) fail(`not an Avro schema: ${JSON.stringify(value)}`, pointer);
    const schema = value as Record<string, unknown>;
    const type = schema['type'];
    const logicalType = typeof schema['logicalType'] === 'string' ? schema['logicalType'] : undefined;
    if (typeof type === 'string' && (AVRO_PRIMITIVES as readonly string[]).includes(type)) return { kind: 'primitive', name: type, doc, pointer, ...(logicalType ? { logicalType } : {}) };
    switch (type) {
      case 'record':
      case 'error': {
        const name = fullName(schema['name'], schema['namespace'], namespace, pointer);
        const own = namespaceOf(name);
        const record: AvroType & { kind: 'record' } = { kind: 'record', name, aliases: aliasesOf(schema['aliases'], own, pointer), fields: [], doc, pointer };
        define(record, pointer);
        const fields = schema['fields'];
        if (!Array.isArray(fields)) fail(`record ${name} needs a list of fields`, `${pointer}/fields`);
        const seen = new Set<string>();
        (fields as unknown[]).forEach((field, index) => {
          const at = `${pointer}/fields/${index}`;
          if (typeof field !== 'object' || field === null) fail('a field must be an object', at);
          const f = field as Record<string, unknown>;
          if (typeof f['name'] !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(f['name'])) fail(`invalid field name ${JSON.stringify(f['name'])}`, `${at}/name`);
          if (seen.has(f['name'] as string)) fail(`field ${String(f['name'])} appears twice in ${name}`, at);
          seen.add(f['name'] as string);
          if (f['type'] === undefined) fail(`field ${String(f['name'])} has no type`, at);
          const aliases = f['aliases'] === undefined ? [] : Array.isArray(f['aliases']) ? (f['aliases'] as unknown[]).filter((a): a is string => typeof a === 'string') : fail('aliases must be a list of names', `${at}/aliases`);
          record.fields.push({ name: f['name'] as string, aliases, type: read(f['type'], `${at}/type`, own), hasDefault: 'default' in f, default: f['default'], doc, pointer: at });
        });
        return record;
      }
      case 'enum': {
        const name = fullName(schema['name'], schema['namespace'], namespace, pointer);
        const symbols = schema['symbols'];
        if (!Array.isArray(symbols) || !symbols.every((s) => typeof s === 'string')) fail(`enum ${name} needs a list of symbols`, `${pointer}/symbols`);
        const fallback = schema['default'];
        if (fallback !== undefined && (typeof fallback !== 'string' || !(symbols as string[]).includes(fallback))) fail(`enum ${name}: default ${JSON.stringify(fallback)} is not one of its symbols`, `${pointer}/default`);
        const result = { kind: 'enum' as const, name, aliases: aliasesOf(schema['aliases'], namespaceOf(name), pointer), symbols: symbols as string[], ...(typeof fallback === 'string' ? { default: fallback } : {}), doc, pointer };
        define(result, pointer);
        return result;
      }
      case 'fixed': {
        const name = fullName(schema['name'], schema['namespace'], namespace, pointer);
        const size = schema['size'];
        if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) fail(`fixed ${name} needs a non-negative integer size`, `${pointer}/size`);
        const result = { kind: 'fixed' as const, name, aliases: aliasesOf(schema['aliases'], namespaceOf(name), pointer), size: size as number, ...(logicalType ? { logicalType } : {}), doc, pointer };
        define(result, pointer);
        return result;
      }
      case 'array':
        if (schema['items'] === undefined) fail('an array needs items', pointer);
        return { kind: 'array', items: read(schema['items'], `${pointer}/items`, namespace), doc, pointer };
      case 'map':
        if (schema['values'] === undefined) fail('a map needs values', pointer);
        return { kind: 'map', values: read(schema['values'], `${pointer}/values`, namespace), doc, pointer };
      default:
        if (typeof type === 'object' && type !== null) return read(type, `${pointer}/type`, namespace);
        if (typeof type === 'string') return read(type, `${pointer}/type`, namespace);
        return fail(`unknown Avro type ${JSON.stringify(type)}`, `${pointer}/type`);
    }
  }
}

export function pointerTo(base: string, ...parts: string[]): string {
  return base + parts.map((p) => `/${escapePointer(p)}`).join('');
}
