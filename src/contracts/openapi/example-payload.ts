import { childOf, isObject, itemsOf, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { objectView } from './schema-facts.ts';

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'someone@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'AA==',
};

/**
 * The smallest instance a schema accepts, as far as it can be built cheaply: required properties
 * only, arrays at their minimum length, the first enum value. Depth-limited and cycle-safe: a
 * recursive schema yields `undefined` at the cut, which callers leave out.
 */
export function minimalInstance(doc: OpenApiDocument, raw: Located, depth = 0): unknown {
  if (depth > 6) return undefined;
  const at = doc.resolve(raw);
  const node = at.node;
  if (!isObject(node)) return {};
  if (node.const !== undefined) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum.find((value) => value !== null) ?? node.enum[0];
  if (node.default !== undefined) return node.default;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const first = itemsOf(childOf(at, keyword))[0];
    if (first) return minimalInstance(doc, first, depth + 1);
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'object' || (type === undefined && (node.properties !== undefined || node.allOf !== undefined))) {
    const view = objectView(doc, at);
    const out: Record<string, unknown> = {};
    for (const name of view.required) {
      const property = view.properties.get(name);
      const value = property ? minimalInstance(doc, property, depth + 1) : 'value';
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (type === 'array') {
    const items = childOf(at, 'items');
    const count = Math.min(typeof node.minItems === 'number' ? node.minItems : 0, 3);
    const item = items ? minimalInstance(doc, items, depth + 1) : 'value';
    return Array.from({ length: count }, () => item);
  }
  if (type === 'string') {
    const sample = typeof node.format === 'string' ? FORMAT_SAMPLES[node.format] : undefined;
    if (sample) return sample;
    const length = typeof node.minLength === 'number' ? Math.min(node.minLength, 256) : 0;
    return length > 5 ? 'x'.repeat(length) : 'text'.slice(0, Math.max(length, typeof node.maxLength === 'number' ? Math.min(4, node.maxLength) : 4));
  }
  if (type === 'integer' || type === 'number') {
    if (typeof node.minimum === 'number') return node.minimum;
    if (typeof node.exclusiveMinimum === 'number') return type === 'integer' ? Math.floor(node.exclusiveMinimum) + 1 : node.exclusiveMinimum + 0.5;
    if (typeof node.maximum === 'number' && node.maximum < 0) return node.maximum;
    return 0;
  }
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  return 'value';
}

/** A value of the given JSON type, for examples of a type a schema no longer accepts. */
export function sampleOfType(type: string): unknown {
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

/** Places a child example inside the smallest instance of its parent, at the given property. */
export function nestExample(doc: OpenApiDocument, parent: Located, segment: string, child: unknown): unknown {
  if (segment === '[]') return [child];
  if (segment === '*') return { key: child };
  if (segment.startsWith('(')) return child;
  const base = minimalInstance(doc, parent);
  return { ...(isObject(base) ? base : {}), [segment]: child };
}
