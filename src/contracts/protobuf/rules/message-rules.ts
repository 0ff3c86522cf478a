import { messageFeature, isRequired, ownFeatureOption } from '../features.ts';
import { findOption, type ProtoMessage, type TagRange } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import { fieldsByNumber, messagePairs } from '../pairs.ts';
import { missingParts, rangeText } from './tag-ranges.ts';

const MESSAGE_MAX = 536870911;
const MESSAGE_SET_MAX = 2147483646;

const at = (message: ProtoMessage) => ({ file: message.file, span: message.span });

function fieldNoDelete(unless: 'number' | 'name' | undefined) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      const now = fieldsByNumber(current);
      for (const field of previous.fields) {
        if (now.has(field.number)) continue;
        if (unless === 'number' && current.reservedRanges.some((range) => field.number >= range.start && field.number <= range.end)) continue;
        if (unless === 'name' && current.reservedNames.includes(field.name)) continue;
        const suffix = unless === 'number' ? ` without reserving the number "${field.number}"` : unless === 'name' ? ` without reserving the name "${field.name}"` : '';
        context.report({
          subject: field.fullName, before: at(previous), after: at(current),
          message: `Previously present field "${field.number}" with name "${field.name}" on message "${current.name}" was deleted${suffix}.`,
          details: { number: field.number, name: field.name },
        });
      }
    }
  };
}

function rangesNoDelete(context: ProtoRuleContext, kind: string, previous: ProtoMessage, current: ProtoMessage, before: TagRange[], after: TagRange[]): void {
  const max = findOption(current.options, 'message_set_wire_format')?.value === 'true' ? MESSAGE_SET_MAX : MESSAGE_MAX;
  for (const range of before) {
    const missing = missingParts(range, after);
    if (missing.length === 0) continue;
    const was = rangeText([range.start, range.end], max);
    context.report({
      subject: current.fullName, before: at(previous), after: at(current),
      message: `Previously present ${kind} range "${was}" on message "${current.name}" is missing values: ${missing.map((part) => rangeText(part, max)).join(', ')} were removed.`,
      details: { range: was },
    });
  }
}

export const MESSAGE_RULES: readonly ProtoRule[] = [
  protoRule('FIELD_NO_DELETE', ['FILE', 'PACKAGE'], 'Checks that no field is removed from a message.', fieldNoDelete(undefined)),
  protoRule('FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', ['WIRE_JSON', 'WIRE'], 'Checks that a field is removed only with its number reserved, so the number is never reused.', fieldNoDelete('number')),
  protoRule('FIELD_NO_DELETE_UNLESS_NAME_RESERVED', ['WIRE_JSON'], 'Checks that a field is removed only with its name reserved, so JSON readers never see the name reused.', fieldNoDelete('name')),
  protoRule('ONEOF_NO_DELETE', ['FILE', 'PACKAGE'], 'Checks that no oneof is removed from a message.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      const now = new Set(current.oneofs.filter((oneof) => !oneof.synthetic).map((oneof) => oneof.name));
      for (const oneof of previous.oneofs) {
        if (oneof.synthetic || now.has(oneof.name)) continue;
        context.report({
          subject: `${current.fullName}.${oneof.name}`, before: at(previous), after: at(current),
          message: `Previously present oneof "${oneof.name}" on message "${current.name}" was deleted.`, details: { name: oneof.name },
        });
      }
    }
  }),
  protoRule('EXTENSION_MESSAGE_NO_DELETE', ['FILE', 'PACKAGE'], 'Checks that no extension range is removed from a message.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      rangesNoDelete(context, 'extension', previous, current, previous.extensionRanges, current.extensionRanges);
    }
  }),
  protoRule('RESERVED_MESSAGE_NO_DELETE', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that no reserved range or name is removed from a message.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      rangesNoDelete(context, 'reserved', previous, current, previous.reservedRanges, current.reservedRanges);
      for (const name of new Set(previous.reservedNames)) {
        if (current.reservedNames.includes(name)) continue;
        context.report({
          subject: current.fullName, before: at(previous), after: at(current),
          message: `Previously present reserved name "${name}" on message "${current.name}" was deleted.`, details: { name },
        });
      }
    }
  }),
  protoRule('MESSAGE_SAME_REQUIRED_FIELDS', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that no required field is added to or removed from a message.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      const was = new Map(previous.fields.filter((field) => isRequired(context.before, field)).map((field) => [field.number, field]));
      const now = new Map(current.fields.filter((field) => isRequired(context.after, field)).map((field) => [field.number, field]));
      for (const number of was.keys()) {
        if (now.has(number)) continue;
        context.report({
          subject: current.fullName, before: at(previous), after: at(current),
          message: `Message "${previous.name}" lost required field "${number}"; a peer that still requires it rejects every message.`, details: { number },
        });
      }
      for (const [number, field] of now) {
        if (was.has(number)) continue;
        context.report({
          subject: field.fullName, after: { file: field.file, span: field.span },
          message: `Message "${current.name}" gained required field "${number}"; messages from peers without it are rejected.`, details: { number },
        });
      }
    }
  }),
  protoRule('MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR', ['FILE', 'PACKAGE'], 'Checks that a message does not turn no_standard_descriptor_accessor on, which removes a generated accessor.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      const was = findOption(previous.options, 'no_standard_descriptor_accessor');
      const now = findOption(current.options, 'no_standard_descriptor_accessor');
      if ((was?.value ?? 'false') !== 'false' || now?.value !== 'true') continue;
      context.report({
        subject: current.fullName, before: { file: previous.file, span: was?.span }, after: { file: current.file, span: now.span },
        message: 'Message option "no_standard_descriptor_accessor" changed from "false" to "true".',
      });
    }
  }),
  protoRule('MESSAGE_SAME_JSON_FORMAT', ['FILE', 'PACKAGE', 'WIRE_JSON'], 'Checks that a message that supported JSON still does.', (context) => {
    for (const [previous, current] of messagePairs(context.before, context.after)) {
      const was = messageFeature(context.before, previous, 'json_format');
      const now = messageFeature(context.after, current, 'json_format');
      if (was !== 'ALLOW' || now === 'ALLOW') continue;
      context.report({
        subject: current.fullName,
        before: { file: previous.file, span: ownFeatureOption(previous.options, 'json_format')?.span ?? previous.span },
        after: { file: current.file, span: ownFeatureOption(current.options, 'json_format')?.span ?? current.span },
        message: `Message "${current.name}" JSON format support changed from ${was} to ${now}.`, details: { previous: was, current: now },
      });
    }
  }),
];
