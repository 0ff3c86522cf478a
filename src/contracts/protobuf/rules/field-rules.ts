import { cardinality, fieldFeature, fieldKind, ownFeatureOption, type Cardinality } from '../features.ts';
import { findOption, type ProtoField } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import type { ProtoSet } from '../proto-set.ts';
import { fieldPairs } from '../pairs.ts';
import { at, describeField } from './field-text.ts';

/** The JSON name protoc derives when no json_name is given: underscores dropped, next letter upper-cased. */
export function defaultJsonName(name: string): string {
  let out = '';
  let upper = false;
  for (const char of name) {
    if (char === '_') upper = true;
    else {
      out += upper ? char.toUpperCase() : char;
      upper = false;
    }
  }
  return out;
}

const WIRE_GROUPS: Record<Cardinality, number> = {
  'optional with explicit presence': 1, 'optional with implicit presence': 1, required: 2, repeated: 3, map: 3,
};
const WIRE_JSON_GROUPS: Record<Cardinality, number> = { ...WIRE_GROUPS, map: 4 };

function cardinalityRule(groups: Record<Cardinality, number> | undefined) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (previous.message?.isMapEntry && current.message?.isMapEntry) continue;
      const was = cardinality(context.before, previous);
      const now = cardinality(context.after, current);
      if (groups ? groups[was] === groups[now] : was === now) continue;
      context.report({
        subject: current.fullName, before: at(previous), after: at(current),
        message: `${describeField(current)} changed cardinality from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  };
}

function isString(set: ProtoSet, field: ProtoField): boolean {
  return fieldKind(set, field) === 'string';
}

function cppStringType(set: ProtoSet, field: ProtoField): string {
  const file = set.fileOf(field);
  if (file.edition !== '2024') {
    const ctype = findOption(field.options, 'ctype')?.value;
    if (ctype === 'CORD') return 'CORD';
    if (ctype === 'STRING_PIECE') return 'STRING_PIECE';
    if (ctype === 'STRING') return 'STRING';
  }
  return fieldFeature(set, field, '(pb.cpp).string_type');
}

function javaUtf8(set: ProtoSet, field: ProtoField): string {
  const fallback = fieldFeature(set, field, 'utf8_validation');
  const file = set.fileOf(field);
  const option = findOption(file.options, 'java_string_check_utf8');
  if (file.syntax !== 'editions' || option) return option?.value === 'true' ? 'VERIFY' : fallback;
  return fieldFeature(set, field, '(pb.java).utf8_validation') === 'VERIFY' ? 'VERIFY' : fallback;
}

const SIXTY_FOUR_BIT = new Set(['int64', 'sint64', 'uint64', 'fixed64', 'sfixed64']);

export const FIELD_RULES: readonly ProtoRule[] = [
  protoRule('FIELD_SAME_NAME', ['FILE', 'PACKAGE', 'WIRE_JSON'], 'Checks that a field keeps its name, which JSON and generated code use.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      const was = previous.extendee ? previous.fullName : previous.name;
      const now = current.extendee ? current.fullName : current.name;
      if (was === now) continue;
      context.report({
        subject: current.fullName, before: at(previous, previous.nameSpan), after: at(current, current.nameSpan),
        message: `${describeField(current, false)} changed name from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('FIELD_SAME_JSON_NAME', ['FILE', 'PACKAGE', 'WIRE_JSON'], 'Checks that a field keeps its JSON name.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (previous.extendee) continue;
      const wasOption = findOption(previous.options, 'json_name');
      const nowOption = findOption(current.options, 'json_name');
      const was = wasOption?.value ?? defaultJsonName(previous.name);
      const now = nowOption?.value ?? defaultJsonName(current.name);
      if (was === now) continue;
      context.report({
        subject: current.fullName, before: at(previous, wasOption?.span ?? previous.span), after: at(current, nowOption?.span ?? current.span),
        message: `${describeField(current)} changed option "json_name" from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('FIELD_SAME_ONEOF', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that a field stays in, or out of, the same oneof.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (previous.extendee) continue;
      const was = previous.oneof && !previous.oneof.synthetic ? previous.oneof.name : undefined;
      const now = current.oneof && !current.oneof.synthetic ? current.oneof.name : undefined;
      if (was === now) continue;
      const message = was && now
        ? `${describeField(current)} moved from oneof "${was}" to oneof "${now}".`
        : `${describeField(current)} moved from ${was ? 'inside' : 'outside'} to ${was ? 'outside' : 'inside'} a oneof.`;
      context.report({ subject: current.fullName, before: at(previous), after: at(current), message, details: { previous: was, current: now } });
    }
  }),
  protoRule('FIELD_SAME_CARDINALITY', ['FILE', 'PACKAGE'], 'Checks that a field keeps its cardinality: presence, required, repeated or map.', cardinalityRule(undefined)),
  protoRule('FIELD_WIRE_COMPATIBLE_CARDINALITY', ['WIRE'], 'Checks that a field changes cardinality only in ways the binary encoding tolerates.', cardinalityRule(WIRE_GROUPS)),
  protoRule('FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY', ['WIRE_JSON'], 'Checks that a field changes cardinality only in ways both the binary and JSON encodings tolerate.', cardinalityRule(WIRE_JSON_GROUPS)),
  protoRule('FIELD_SAME_LABEL', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that a field keeps its label.', cardinalityRule(undefined), { deprecated: { replacedBy: 'FIELD_SAME_CARDINALITY' } }),
  protoRule('FIELD_SAME_UTF8_VALIDATION', ['FILE', 'PACKAGE'], 'Checks that a string field keeps its UTF-8 validation mode.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (!isString(context.before, previous) || !isString(context.after, current)) continue;
      const was = fieldFeature(context.before, previous, 'utf8_validation');
      const now = fieldFeature(context.after, current, 'utf8_validation');
      if (was === now) continue;
      context.report({
        subject: current.fullName,
        before: at(previous, ownFeatureOption(previous.options, 'utf8_validation')?.span ?? previous.span),
        after: at(current, ownFeatureOption(current.options, 'utf8_validation')?.span ?? current.span),
        message: `${describeField(current)} changed UTF8 validation from ${was} to ${now}.`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('FIELD_SAME_JAVA_UTF8_VALIDATION', ['FILE', 'PACKAGE'], 'Checks that a string field keeps the UTF-8 validation Java code applies to it.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (!isString(context.before, previous) || !isString(context.after, current)) continue;
      const was = javaUtf8(context.before, previous);
      const now = javaUtf8(context.after, current);
      if (was === now) continue;
      const place = (set: ProtoSet, field: ProtoField) => at(field, findOption(set.fileOf(field).options, 'java_string_check_utf8')?.span
        ?? ownFeatureOption(field.options, '(pb.java).utf8_validation')?.span ?? field.span);
      context.report({
        subject: current.fullName, before: place(context.before, previous), after: place(context.after, current),
        message: `${describeField(current)} changed Java string UTF8 validation from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('FIELD_SAME_CPP_STRING_TYPE', ['FILE', 'PACKAGE'], 'Checks that a string or bytes field keeps its C++ string type.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (previous.message?.isMapEntry && current.message?.isMapEntry) continue;
      const textual = (set: ProtoSet, field: ProtoField) => ['string', 'bytes'].includes(fieldKind(set, field));
      if (!textual(context.before, previous) || !textual(context.after, current)) continue;
      const was = cppStringType(context.before, previous);
      const now = cppStringType(context.after, current);
      if (was === now || (was === 'STRING_PIECE' && now === 'STRING')) continue;
      const place = (field: ProtoField) => at(field, findOption(field.options, 'ctype')?.span
        ?? ownFeatureOption(field.options, '(pb.cpp).string_type')?.span ?? field.span);
      context.report({
        subject: current.fullName, before: place(previous), after: place(current),
        message: `${describeField(current)} changed C++ string type from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('FIELD_SAME_CTYPE', ['FILE', 'PACKAGE'], 'Checks that a field keeps its ctype option.', () => undefined, { deprecated: { replacedBy: 'FIELD_SAME_CPP_STRING_TYPE' } }),
  protoRule('FIELD_SAME_JSTYPE', ['FILE', 'PACKAGE'], 'Checks that a 64-bit integer field keeps its jstype option, which decides its JavaScript type.', (context) => {
    for (const [previous, current] of fieldPairs(context.before, context.after)) {
      if (!SIXTY_FOUR_BIT.has(previous.kind) || !SIXTY_FOUR_BIT.has(current.kind)) continue;
      const wasOption = findOption(previous.options, 'jstype');
      const nowOption = findOption(current.options, 'jstype');
      const was = wasOption?.value ?? 'JS_NORMAL';
      const now = nowOption?.value ?? 'JS_NORMAL';
      if (was === now) continue;
      context.report({
        subject: current.fullName, before: at(previous, wasOption?.span ?? previous.span), after: at(current, nowOption?.span ?? current.span),
        message: `${describeField(current)} changed option "jstype" from "${was}" to "${now}".`, details: { previous: was, current: now },
      });
    }
  }),
];
