import { fieldKind } from '../features.ts';
import { findOption, type ProtoField } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import type { ProtoSet } from '../proto-set.ts';
import { fieldPairs } from '../pairs.ts';
import { at, describeField } from './field-text.ts';

/** Kinds that read each other's bytes on the wire (protobuf's "updating a message type" rules). */
const WIRE: Record<string, number> = {
  int32: 1, int64: 1, uint32: 1, uint64: 1, bool: 1, sint32: 2, sint64: 2, string: 3, bytes: 4, fixed32: 5, sfixed32: 5,
  fixed64: 6, sfixed64: 6, double: 7, float: 8, group: 9, message: 10, enum: 11,
};
/** Kinds compatible both on the wire and in JSON: a stricter split of the table above. */
const WIRE_JSON: Record<string, number> = {
  int32: 1, uint32: 1, int64: 2, uint64: 2, fixed32: 3, sfixed32: 3, fixed64: 4, sfixed64: 4, bool: 5, sint32: 6, sint64: 7,
  string: 8, bytes: 9, double: 10, float: 11, group: 12, message: 13, enum: 14,
};

function pretty(set: ProtoSet, field: ProtoField): string {
  const kind = fieldKind(set, field);
  return kind === 'group' && set.fileOf(field).syntax !== 'proto2' ? 'message (delimited encoding)' : kind;
}

function reportKind(context: ProtoRuleContext, previous: ProtoField, current: ProtoField, note = ''): void {
  const was = pretty(context.before, previous);
  const now = pretty(context.after, current);
  context.report({
    subject: current.fullName, before: at(previous, previous.typeSpan), after: at(current, current.typeSpan),
    message: `${describeField(current)} changed type from "${was}" to "${now}".${note}`, details: { previous: was, current: now },
  });
}

function reportTypeName(context: ProtoRuleContext, previous: ProtoField, current: ProtoField): void {
  context.report({
    subject: current.fullName, before: at(previous, previous.typeSpan), after: at(current, current.typeSpan),
    message: `${describeField(current)} changed type from "${previous.resolvedType}" to "${current.resolvedType}".`,
    details: { previous: previous.resolvedType, current: current.resolvedType },
  });
}

/** An enum may be swapped for another of the same short name that keeps every previous value. */
function enumStillCompatible(context: ProtoRuleContext, previous: ProtoField, current: ProtoField): boolean {
  const was = context.before.enums.get(previous.resolvedType);
  const now = context.after.enums.get(current.resolvedType);
  if (!was || !now || was.name !== now.name) return false;
  return was.values.every((value) => now.values.some((other) => other.name === value.name && other.number === value.number));
}

function compatibleType(groups: Record<string, number>, allowStringToBytes: boolean) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      const was = fieldKind(context.before, previous);
      const now = fieldKind(context.after, current);
      if (groups[was] !== groups[now]) {
        if (allowStringToBytes && was === 'string' && now === 'bytes') continue;
        reportKind(context, previous, current, ' See the protobuf language guide on updating message types for what stays compatible.');
        continue;
      }
      if (previous.resolvedType === current.resolvedType) continue;
      if (now === 'enum') {
        if (!enumStillCompatible(context, previous, current)) reportTypeName(context, previous, current);
      } else if (now === 'message' || now === 'group') {
        reportTypeName(context, previous, current);
      }
    }
  };
}

interface DefaultValue {
  readonly text: string;
  readonly value: string | bigint | number;
}

function defaultOf(set: ProtoSet, field: ProtoField): DefaultValue {
  const kind = fieldKind(set, field);
  const written = findOption(field.options, 'default')?.value;
  if (kind === 'string' || kind === 'bytes') return { text: JSON.stringify(written ?? ''), value: written ?? '' };
  if (kind === 'enum') {
    const target = set.enums.get(field.resolvedType);
    const value = written !== undefined ? target?.values.find((entry) => entry.name === written) : target?.values[0];
    return { text: `${target?.name ?? field.resolvedType}.${value?.name ?? written ?? '?'}`, value: BigInt(value?.number ?? 0) };
  }
  if (kind === 'bool') return { text: written ?? 'false', value: BigInt(written === 'true' ? 1 : 0) };
  if (written === undefined) return { text: '0', value: 0n };
  return { text: written, value: numeric(written, kind === 'float') };
}

function numeric(text: string, single: boolean): bigint | number {
  const negative = text.startsWith('-');
  const body = text.replace(/^[-+]/, '');
  if (/^(inf|infinity)$/i.test(body)) return negative ? -Infinity : Infinity;
  if (/^nan$/i.test(body)) return NaN;
  if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^[0-9]+$/.test(body)) {
    const value = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
    return negative ? -value : value;
  }
  const parsed = Number(text);
  return single ? Math.fround(parsed) : parsed;
}

function isZero(value: DefaultValue): boolean {
  return value.value === '' || value.value === 0n || value.value === 0;
}

function sameDefault(was: DefaultValue, now: DefaultValue, floatChange: boolean): boolean {
  if (typeof was.value === 'string' || typeof now.value === 'string') return was.value === now.value;
  const a = typeof was.value === 'bigint' ? Number(was.value) : was.value;
  const b = typeof now.value === 'bigint' ? Number(now.value) : now.value;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (typeof was.value === 'bigint' && typeof now.value === 'bigint') return was.value === now.value;
  return floatChange ? Math.fround(a) === Math.fround(b) : a === b;
}

function canHaveDefault(set: ProtoSet, field: ProtoField): boolean {
  const kind = fieldKind(set, field);
  return field.label !== 'repeated' && !field.isMap && kind !== 'message' && kind !== 'group';
}

export const FIELD_TYPE_RULES: readonly ProtoRule[] = [
  protoRule('FIELD_SAME_TYPE', ['FILE', 'PACKAGE'], 'Checks that a field keeps its type, including the message or enum it names.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      const was = fieldKind(context.before, previous);
      const now = fieldKind(context.after, current);
      if (was !== now) reportKind(context, previous, current);
      else if (['enum', 'message', 'group'].includes(now) && previous.resolvedType !== current.resolvedType) reportTypeName(context, previous, current);
    }
  }),
  protoRule('FIELD_WIRE_COMPATIBLE_TYPE', ['WIRE'], 'Checks that a field changes type only to one the binary encoding reads the same.', compatibleType(WIRE, true)),
  protoRule('FIELD_WIRE_JSON_COMPATIBLE_TYPE', ['WIRE_JSON'], 'Checks that a field changes type only to one both the binary and JSON encodings read the same.', compatibleType(WIRE_JSON, false)),
  protoRule('FIELD_SAME_DEFAULT', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that a field keeps its default value, which readers substitute for absent values.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (!canHaveDefault(context.before, previous) || !canHaveDefault(context.after, current)) continue;
      const was = defaultOf(context.before, previous);
      const now = defaultOf(context.after, current);
      if (isZero(was) && isZero(now)) continue;
      const kinds = [fieldKind(context.before, previous), fieldKind(context.after, current)];
      const floatChange = kinds.includes('float') && kinds.includes('double');
      if (sameDefault(was, now, floatChange)) continue;
      context.report({
        subject: current.fullName,
        before: at(previous, findOption(previous.options, 'default')?.span ?? previous.span),
        after: at(current, findOption(current.options, 'default')?.span ?? current.span),
        message: `${describeField(current)} changed default value from ${was.text} to ${now.text}.`, details: { previous: was.text, current: now.text },
      });
    }
  }),
];
