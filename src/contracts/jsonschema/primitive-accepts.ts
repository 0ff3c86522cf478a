import { fullFormats } from 'ajv-formats/dist/formats.js';
import { kindOf } from './schema-node.ts';
import { safeTest, sameValue, type SchemaView } from './schema-view.ts';

/**
 * Whether a primitive value (null, boolean, number, string) passes a view's own keywords — the same
 * keywords ajv checks, without compiling. Object and array values are not judged here.
 */
export function primitiveAccepts(view: SchemaView, value: unknown): boolean {
  return primitiveRejection(view, value) === undefined;
}

/** The first keyword a primitive fails under the view, or undefined when it passes. */
export function primitiveRejection(view: SchemaView, value: unknown): string | undefined {
  if (view.impossible && view.kinds.size === 0) return 'type';
  const kind = kindOf(value);
  if (!view.kinds.has(kind)) return 'type';
  if (view.values && !view.values.some((v) => sameValue(v, value))) return 'enum';
  if (typeof value === 'number') {
    if (view.lower && (value < view.lower.value || (view.lower.exclusive && value === view.lower.value))) return 'minimum';
    if (view.upper && (value > view.upper.value || (view.upper.exclusive && value === view.upper.value))) return 'maximum';
    if (view.multipleOf.some((m) => !isMultiple(value, m))) return 'multipleOf';
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (length < view.minLength || length > view.maxLength) return 'length';
    if (view.patterns.some((p) => !safeTest(p, value))) return 'pattern';
    if (view.formats.some((f) => !formatAccepts(f, value))) return 'format';
  }
  return undefined;
}

export function isMultiple(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

type FormatCheck = RegExp | ((text: string) => boolean) | { validate: RegExp | ((text: string) => boolean) };

export function formatAccepts(format: string, value: string): boolean {
  const check = (fullFormats as Record<string, FormatCheck | undefined>)[format];
  if (!check) return true; // unknown formats are annotations, as ajv treats them with strict off
  const validate = check instanceof RegExp || typeof check === 'function' ? check : check.validate;
  return validate instanceof RegExp ? validate.test(value) : validate(value);
}

/** A value of each common format, used to build instances. */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-01-31T12:00:00Z',
  date: '2024-01-31',
  time: '12:00:00Z',
  duration: 'P1D',
  email: 'someone@example.com',
  'idn-email': 'someone@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/a',
  'uri-reference': '/a',
  iri: 'https://example.com/a',
  'iri-reference': '/a',
  url: 'https://example.com/a',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  regex: 'a+',
  'uri-template': 'https://example.com/{id}',
  byte: 'YQ==',
  int32: '1',
  int64: '1',
  float: '1.5',
  double: '1.5',
};
