import type { JsonObject } from './located.ts';
import type { FlowDirection } from './schema-change.ts';

/** A constraint change found on one schema node: the rule, its details, and an example value if any. */
export interface ConstraintChange {
  readonly rule: string;
  readonly details: Record<string, unknown>;
  readonly example?: unknown;
}

const UPPER = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const LOWER = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const WIDER_FORMAT: Readonly<Record<string, string>> = { int32: 'int64', float: 'double' };
const ANY_PATTERN = /^\^?\.\*\$?$/;

/**
 * Scalar constraints of one schema node, compared by direction: in a request the new bounds must
 * admit every value the old ones did; in a response the new bounds must admit no value the old
 * ones excluded.
 */
export function compareConstraints(b: JsonObject, a: JsonObject, direction: FlowDirection): ConstraintChange[] {
  const out: ConstraintChange[] = [];
  const request = direction === 'request';
  for (const keyword of UPPER) {
    const before = bound(b, keyword, 'upper');
    const after = bound(a, keyword, 'upper');
    const narrower = after !== undefined && (before === undefined || after.value < before.value || (after.value === before.value && after.exclusive && !before.exclusive));
    const wider = before !== undefined && (after === undefined || after.value > before.value || (after.value === before.value && !after.exclusive && before.exclusive));
    if (request && narrower) out.push({ rule: 'REQUEST_SCHEMA_MAX_NO_DECREASE', details: { keyword, before: before?.value ?? 'none', after: after.value }, ...boundExample(keyword, before?.value ?? after.value + 1, b) });
    if (!request && wider) out.push({ rule: 'RESPONSE_SCHEMA_MAX_NO_INCREASE', details: { keyword, before: before.value, after: after?.value ?? 'none' }, ...boundExample(keyword, after?.value ?? before.value + 1, a) });
  }
  for (const keyword of LOWER) {
    const before = bound(b, keyword, 'lower');
    const after = bound(a, keyword, 'lower');
    const narrower = after !== undefined && (before === undefined || after.value > before.value || (after.value === before.value && after.exclusive && !before.exclusive));
    const wider = before !== undefined && (after === undefined || after.value < before.value || (after.value === before.value && !after.exclusive && before.exclusive));
    if (request && narrower) out.push({ rule: 'REQUEST_SCHEMA_MIN_NO_INCREASE', details: { keyword, before: before?.value ?? 'none', after: after.value }, ...boundExample(keyword, before?.value ?? after.value - 1, b) });
    if (!request && wider) out.push({ rule: 'RESPONSE_SCHEMA_MIN_NO_DECREASE', details: { keyword, before: before.value, after: after?.value ?? 'none' }, ...boundExample(keyword, after?.value ?? before.value - 1, a) });
  }
  const bm = typeof b.multipleOf === 'number' ? b.multipleOf : undefined;
  const am = typeof a.multipleOf === 'number' ? a.multipleOf : undefined;
  if (request && am !== undefined && (bm === undefined || !divides(am, bm))) {
    out.push({ rule: 'REQUEST_SCHEMA_MULTIPLE_OF_NO_CHANGE', details: { before: bm ?? 'none', after: am }, ...(bm !== undefined ? { example: bm } : {}) });
  }
  if (!request && bm !== undefined && (am === undefined || !divides(bm, am))) {
    out.push({ rule: 'RESPONSE_SCHEMA_MULTIPLE_OF_NO_CHANGE', details: { before: bm, after: am ?? 'none' }, ...(am !== undefined ? { example: am } : {}) });
  }
  if (request && a.uniqueItems === true && b.uniqueItems !== true) out.push({ rule: 'REQUEST_SCHEMA_UNIQUE_ITEMS_NO_ADD', details: {}, example: ['same', 'same'] });
  const bp = typeof b.pattern === 'string' ? b.pattern : undefined;
  const ap = typeof a.pattern === 'string' ? a.pattern : undefined;
  if (bp !== ap) {
    if (request && ap !== undefined && !ANY_PATTERN.test(ap)) {
      const example = patternExample(bp, ap);
      out.push({ rule: bp === undefined ? 'REQUEST_SCHEMA_PATTERN_NO_ADD' : 'REQUEST_SCHEMA_PATTERN_NO_CHANGE', details: { before: bp ?? 'none', after: ap }, ...(example !== undefined ? { example } : {}) });
    }
    if (!request && bp !== undefined && !ANY_PATTERN.test(bp)) out.push({ rule: 'RESPONSE_SCHEMA_PATTERN_NO_CHANGE', details: { before: bp, after: ap ?? 'none' } });
  }
  const bf = typeof b.format === 'string' ? b.format : undefined;
  const af = typeof a.format === 'string' ? a.format : undefined;
  if (bf !== af) {
    if (request && af !== undefined && (bf === undefined || WIDER_FORMAT[bf] !== af)) {
      out.push({ rule: 'REQUEST_SCHEMA_FORMAT_NO_CHANGE', details: { before: bf ?? 'none', after: af }, ...(b.type === 'string' ? { example: 'not-a-' + af } : {}) });
    }
    if (!request && bf !== undefined && af !== undefined && WIDER_FORMAT[af] !== bf) {
      out.push({ rule: 'RESPONSE_SCHEMA_FORMAT_NO_CHANGE', details: { before: bf, after: af }, ...(bf === 'int32' && af === 'int64' ? { example: 2 ** 31 } : {}) });
    }
  }
  if (request && b.default !== undefined && JSON.stringify(b.default) !== JSON.stringify(a.default)) {
    out.push({ rule: 'REQUEST_SCHEMA_DEFAULT_NO_CHANGE', details: { before: b.default, after: a.default ?? 'none' } });
  }
  return out;
}

const PATTERN_PROBES = ['text', 'value', 'a', 'A', 'Z9', '0', '42', '-', ' ', '', 'a-b_c.d', 'x'.repeat(40)];

/** A short string the old pattern (if any) accepts and the new one rejects, if one of a few probes is. */
function patternExample(before: string | undefined, after: string): string | undefined {
  try {
    const old = before === undefined ? undefined : new RegExp(before, 'u');
    const now = new RegExp(after, 'u');
    return PATTERN_PROBES.find((probe) => (old === undefined || old.test(probe)) && !now.test(probe));
  } catch {
    return undefined; // a pattern JavaScript cannot compile: no example rather than a wrong one
  }
}

function bound(node: JsonObject, keyword: string, side: 'upper' | 'lower'): { value: number; exclusive: boolean } | undefined {
  const value = typeof node[keyword] === 'number' ? (node[keyword] as number) : undefined;
  if (keyword !== 'maximum' && keyword !== 'minimum') return value === undefined ? undefined : { value, exclusive: false };
  const exclusiveKey = side === 'upper' ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const exclusive = node[exclusiveKey];
  if (typeof exclusive === 'number') {
    if (value === undefined || (side === 'upper' ? exclusive <= value : exclusive >= value)) return { value: exclusive, exclusive: true };
  }
  return value === undefined ? undefined : { value, exclusive: exclusive === true };
}

function divides(divisor: number, value: number): boolean {
  const ratio = value / divisor;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function boundExample(keyword: string, limit: number, schema: JsonObject): { example?: unknown } {
  if (keyword === 'maximum' || keyword === 'minimum') return { example: schema.type === 'integer' ? Math.round(limit) : limit };
  if (keyword === 'maxLength' || keyword === 'minLength') return limit >= 0 && limit <= 256 ? { example: 'x'.repeat(limit) } : {};
  if (keyword === 'maxItems' || keyword === 'minItems') return limit >= 0 && limit <= 32 ? { example: Array.from({ length: limit }, () => 'item') } : {};
  return {};
}
