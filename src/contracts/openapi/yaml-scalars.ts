import * as jsYaml from 'js-yaml';

/**
 * How the block-YAML reader (`block-yaml.ts`) reads and types scalars, the way js-yaml does with its
 * core schema; whatever it does not follow it declines by throwing `DECLINE`.
 */
export const DECLINE: unique symbol = Symbol('outside the block-YAML subset');

interface ScalarType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}
// @types/js-yaml does not declare the `types` export; these are the implicit types of CORE_SCHEMA,
// in the order js-yaml tries them, so plain scalars resolve to the same values.
const TYPES = (jsYaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', ScalarType> }).types;
const IMPLICIT: readonly ScalarType[] = [TYPES.null, TYPES.bool, TYPES.int, TYPES.float];

export const SPACE = 32;
const DOUBLE = 34;
const BACKSLASH = 92;

/** The value of a double-quoted scalar from the text between its quotes; rarer escapes (`\N`, `\U`, …) decline. */
export function unescapeDouble(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('\\'); i >= 0; i = raw.indexOf('\\', last)) {
    out += raw.slice(last, i);
    const c = raw[i + 1];
    const simple = c === undefined ? undefined : ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      last = i + 2;
    } else if (c === 'x' || c === 'u') {
      const digits = c === 'x' ? 2 : 4;
      const hex = raw.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw DECLINE;
      out += String.fromCharCode(parseInt(hex, 16));
      last = i + 2 + digits;
    } else throw DECLINE;
  }
  return out + raw.slice(last);
}

/** The offset of the unescaped `"` at or after `from` before `end`, or -1. */
export function closingDouble(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === DOUBLE) return i;
  }
  return -1;
}

/** The items of a one-line flow sequence of plain scalars (`[https, wss]`); anything richer declines. */
export function flowItems(inner: string): unknown[] {
  if (inner.trim() === '') return [];
  if (/["'#:\[\]{}?&*!|>%@`]/.test(inner)) throw DECLINE;
  return inner.split(',').map((raw) => {
    const item = raw.trim();
    if (item === '' || item.startsWith('-') && (item.length === 1 || item[1] === ' ')) throw DECLINE;
    return resolvePlain(item);
  });
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' };

/** One line of a plain scalar, trailing spaces dropped; declines where js-yaml would end the scalar early. */
export function plainLine(text: string, start: number, end: number): string {
  let last = end;
  while (last > start && text.charCodeAt(last - 1) === SPACE) last--;
  const line = text.slice(start, last);
  if (line.includes(' #') || line.includes(': ') || line.endsWith(':')) throw DECLINE;
  return line;
}

/** Types a plain scalar as js-yaml's core schema does: null, booleans, integers, floats, else a string. */
export function resolvePlain(value: string): unknown {
  // only these first characters can start a null, boolean or number: - + . ~ digits n N t T f F
  const c = value.charCodeAt(0) | 0x20; // folds letters to lower case
  if (!((c >= 48 && c <= 57) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x7e || c === 0x6e || c === 0x74 || c === 0x66)) return value;
  for (const type of IMPLICIT) if (type.resolve(value)) return type.construct(value);
  return value;
}
