import type { SchemaDocument } from './schema-document.ts';

/** The JSON Schema dialects the engine distinguishes; draft-04/06 documents are read as draft-07. */
export type Dialect = 'draft-07' | '2019-09' | '2020-12';

/** A JSON Schema value (object or boolean) as parsed. */
export type SchemaValue = boolean | Record<string, unknown>;

/**
 * One schema in place: its value, the document it sits in and its JSON pointer there, plus the base
 * URI `$ref`s inside it resolve against. Synthetic nodes (a type slice made by the checker) point
 * at the schema they narrow.
 */
export interface SchemaNode {
  readonly id: string;
  readonly schema: SchemaValue;
  readonly doc: SchemaDocument;
  readonly pointer: string;
  readonly base: string;
}

/** The instance kinds a schema may accept; `fraction` is a number that is not an integer. */
export const INSTANCE_KINDS = ['null', 'boolean', 'integer', 'fraction', 'string', 'array', 'object'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

export function kindOf(value: unknown): InstanceKind {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

export function kindsOfType(type: string): InstanceKind[] {
  if (type === 'number') return ['integer', 'fraction'];
  return (INSTANCE_KINDS as readonly string[]).includes(type) && type !== 'fraction' ? [type as InstanceKind] : [];
}

export function isSchemaObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapePointer(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
