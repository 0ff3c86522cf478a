import type { RuleContext } from '../rule-context.ts';
import type { InstanceKind } from '../schema-node.ts';
import type { SchemaView } from '../schema-view.ts';
import { numberCandidates, stringCandidates } from '../generate-instance.ts';
import { primitiveAccepts, primitiveRejection } from '../primitive-accepts.ts';

const PRIMITIVE: readonly InstanceKind[] = ['null', 'boolean', 'integer', 'fraction', 'string'];

/** A primitive the writer may write that the reader rejects for `keywords`, if the candidates hold one. */
function findRejected(context: RuleContext, kind: InstanceKind, keywords: readonly string[], extra: readonly unknown[] = []): { value: unknown } | undefined {
  const { writer, reader } = context;
  const candidates: unknown[] = [...extra];
  if (kind === 'integer' || kind === 'fraction') {
    const anchors = [reader.lower?.value, reader.upper?.value, ...(reader.values ?? [])].filter((v): v is number => typeof v === 'number');
    candidates.push(...numberCandidates(writer, kind, anchors));
  } else if (kind === 'string') {
    const lengths = [reader.minLength - 1, reader.maxLength + 1].filter((n) => Number.isFinite(n) && n >= 0);
    candidates.push(...stringCandidates(writer, lengths), 'not-a-listed-value', 'zz~!', ' ');
  } else if (kind === 'boolean') candidates.push(true, false);
  else if (kind === 'null') candidates.push(null);
  for (const candidate of candidates) {
    if (!primitiveAccepts(writer, candidate)) continue;
    const rejection = primitiveRejection(reader, candidate);
    if (rejection && keywords.includes(rejection)) return { value: candidate };
  }
  return undefined;
}

function writerKinds(context: RuleContext, kinds: readonly InstanceKind[]): InstanceKind[] {
  return kinds.filter((k) => context.writer.kinds.has(k) && context.reader.kinds.has(k));
}

/** TYPE_NO_NARROW: each kind of instance the writer may write is a kind the reader accepts. */
export function typeNoNarrow(context: RuleContext): void {
  for (const kind of context.writer.kinds) {
    if (context.reader.kinds.has(kind)) continue;
    context.report({
      rule: 'TYPE_NO_NARROW',
      writer: context.writer.has('type') ?? context.branch[0],
      keyword: 'type',
      example: context.example({ kind }),
      details: { kind: kind === 'fraction' ? 'number' : kind, readerTypes: typesOf(context.reader) },
    });
  }
}

/** ENUM_VALUE_NO_DELETE: a reader enum or const lists every value the writer may write. */
export function enumValueNoDelete(context: RuleContext): void {
  const values = context.reader.values;
  if (!values) return;
  for (const kind of writerKinds(context, PRIMITIVE)) {
    if (kind === 'boolean' && values.includes(true) && values.includes(false)) continue;
    if (kind === 'null' && values.includes(null)) continue;
    const example = findRejected(context, kind, ['enum']) ?? context.example({ kind, avoid: values });
    context.report({ rule: 'ENUM_VALUE_NO_DELETE', writer: context.branch[0], keyword: context.reader.has('const') ? 'const' : 'enum', example, details: { kind, allowed: values } });
  }
  for (const kind of writerKinds(context, ['array', 'object'])) {
    context.report({ rule: 'ENUM_VALUE_NO_DELETE', writer: context.branch[0], keyword: context.reader.has('const') ? 'const' : 'enum', example: context.example({ kind, avoid: values }), details: { kind, allowed: values } });
  }
}

function integerBound(view: SchemaView, side: 'lower' | 'upper'): number | undefined {
  const bound = view[side];
  if (!bound) return undefined;
  if (side === 'lower') return bound.exclusive ? Math.floor(bound.value) + 1 : Math.ceil(bound.value);
  return bound.exclusive ? Math.ceil(bound.value) - 1 : Math.floor(bound.value);
}

function coversLower(writer: SchemaView, reader: SchemaView, integer: boolean): boolean {
  if (!reader.lower) return true;
  if (integer) {
    const w = integerBound(writer, 'lower');
    return w !== undefined && w >= integerBound(reader, 'lower')!;
  }
  const w = writer.lower;
  return !!w && (w.value > reader.lower.value || (w.value === reader.lower.value && (w.exclusive || !reader.lower.exclusive)));
}

function coversUpper(writer: SchemaView, reader: SchemaView, integer: boolean): boolean {
  if (!reader.upper) return true;
  if (integer) {
    const w = integerBound(writer, 'upper');
    return w !== undefined && w <= integerBound(reader, 'upper')!;
  }
  const w = writer.upper;
  return !!w && (w.value < reader.upper.value || (w.value === reader.upper.value && (w.exclusive || !reader.upper.exclusive)));
}

/** NUMBER_RANGE_NO_NARROW: the reader's minimum and maximum admit every number the writer may write. */
export function numberRangeNoNarrow(context: RuleContext): void {
  if (context.reader.values) return;
  for (const kind of writerKinds(context, ['integer', 'fraction'])) {
    const integer = kind === 'integer';
    const onlyIntegers = integer && !context.writer.kinds.has('fraction');
    if (coversLower(context.writer, context.reader, onlyIntegers || integer) && coversUpper(context.writer, context.reader, onlyIntegers || integer)) continue;
    const example = findRejected(context, kind, ['minimum', 'maximum']);
    const keyword = context.reader.lower && !coversLower(context.writer, context.reader, integer) ? 'minimum' : 'maximum';
    context.report({
      rule: 'NUMBER_RANGE_NO_NARROW',
      writer: context.branch[0],
      keyword: context.reader[keyword === 'minimum' ? 'lower' : 'upper']?.exclusive ? (keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum') : keyword,
      example,
      details: { writer: rangeText(context.writer), reader: rangeText(context.reader) },
      undecided: !example,
    });
    return;
  }
}

/** NUMBER_MULTIPLE_NO_NARROW: every number the writer may write is a multiple of the reader's `multipleOf`. */
export function numberMultipleNoNarrow(context: RuleContext): void {
  if (context.reader.values || context.reader.multipleOf.length === 0) return;
  for (const kind of writerKinds(context, ['integer', 'fraction'])) {
    const proven = context.reader.multipleOf.every(
      (m) => context.writer.multipleOf.some((k) => isWhole(k / m)) || (kind === 'integer' && isWhole(1 / m)),
    );
    if (proven) continue;
    const example = findRejected(context, kind, ['multipleOf']);
    context.report({ rule: 'NUMBER_MULTIPLE_NO_NARROW', writer: context.branch[0], keyword: 'multipleOf', example, details: { writer: context.writer.multipleOf, reader: context.reader.multipleOf }, undecided: !example });
    return;
  }
}

/** STRING_LENGTH_NO_NARROW: the reader's length limits admit every string the writer may write. */
export function stringLengthNoNarrow(context: RuleContext): void {
  if (context.reader.values || !writerKinds(context, ['string']).length) return;
  const { writer, reader } = context;
  if (reader.minLength <= writer.minLength && reader.maxLength >= writer.maxLength) return;
  const example = findRejected(context, 'string', ['length']);
  context.report({
    rule: 'STRING_LENGTH_NO_NARROW',
    writer: context.branch[0],
    keyword: reader.minLength > writer.minLength ? 'minLength' : 'maxLength',
    example,
    details: { writer: [writer.minLength, writer.maxLength], reader: [reader.minLength, reader.maxLength] },
    undecided: !example,
  });
}

/** STRING_PATTERN_NO_NARROW: every string the writer may write matches the reader's patterns; two different patterns are undecided. */
export function stringPatternNoNarrow(context: RuleContext): void {
  if (context.reader.values || !writerKinds(context, ['string']).length) return;
  const missing = context.reader.patterns.filter((p) => !context.writer.patterns.includes(p));
  if (missing.length === 0) return;
  const example = findRejected(context, 'string', ['pattern']);
  context.report({ rule: 'STRING_PATTERN_NO_NARROW', writer: context.branch[0], keyword: 'pattern', example, details: { writer: context.writer.patterns, reader: missing }, undecided: !example });
}

/** STRING_FORMAT_NO_NARROW: every string the writer may write has the format the reader asserts. */
export function stringFormatNoNarrow(context: RuleContext): void {
  if (context.reader.values || !writerKinds(context, ['string']).length) return;
  const missing = context.reader.formats.filter((f) => !context.writer.formats.includes(f));
  if (missing.length === 0) return;
  const example = findRejected(context, 'string', ['format'], ['not a formatted value', '']);
  context.report({ rule: 'STRING_FORMAT_NO_NARROW', writer: context.branch[0], keyword: 'format', example, details: { writer: context.writer.formats, reader: missing }, undecided: !example });
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-9;
}

function rangeText(view: SchemaView): string {
  const low = view.lower ? `${view.lower.exclusive ? '(' : '['}${view.lower.value}` : '(-inf';
  const high = view.upper ? `${view.upper.value}${view.upper.exclusive ? ')' : ']'}` : 'inf)';
  return `${low}, ${high}`;
}

function typesOf(view: SchemaView): string[] {
  const kinds = [...view.kinds];
  const out: string[] = kinds.filter((k) => k !== 'integer' && k !== 'fraction');
  if (view.kinds.has('fraction')) out.push('number');
  else if (view.kinds.has('integer')) out.push('integer');
  return out;
}
