import { enumFeature, ownFeatureOption } from '../features.ts';
import type { ProtoEnum } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import { enumPairs, valuesByNumber } from '../pairs.ts';
import { missingParts, rangeText } from './tag-ranges.ts';

const ENUM_MAX = 2147483647;
const at = (value: ProtoEnum) => ({ file: value.file, span: value.span });
const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

function valueNoDelete(unless: 'number' | 'name' | undefined) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of enumPairs(context.before, context.after)) {
      const now = valuesByNumber(current);
      for (const [number, values] of valuesByNumber(previous)) {
        if (now.has(number)) continue;
        const names = values.map((value) => value.name).sort();
        if (unless === 'number' && current.reservedRanges.some((range) => number >= range.start && number <= range.end)) continue;
        if (unless === 'name' && names.every((name) => current.reservedNames.includes(name))) continue;
        const suffix = unless === 'number' ? ` without reserving the number "${number}"`
          : unless === 'name' ? ` without reserving the name${names.length > 1 ? 's' : ''} ${quoted(names)}` : '';
        context.report({
          subject: `${current.fullName}.${names[0]}`, before: at(previous), after: at(current),
          message: `Previously present enum value "${number}" on enum "${current.name}" was deleted${suffix}.`, details: { number, names },
        });
      }
    }
  };
}

export const ENUM_RULES: readonly ProtoRule[] = [
  protoRule('ENUM_VALUE_NO_DELETE', ['FILE', 'PACKAGE'], 'Checks that no enum value is removed.', valueNoDelete(undefined)),
  protoRule('ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED', ['WIRE_JSON', 'WIRE'], 'Checks that an enum value is removed only with its number reserved.', valueNoDelete('number')),
  protoRule('ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', ['WIRE_JSON'], 'Checks that an enum value is removed only with its name reserved, since JSON carries the name.', valueNoDelete('name')),
  protoRule('ENUM_VALUE_SAME_NAME', ['FILE', 'PACKAGE', 'WIRE_JSON'], 'Checks that every name an enum number had is still a name of that number.', (context) => {
    for (const [previous, current] of enumPairs(context.before, context.after)) {
      const now = valuesByNumber(current);
      for (const [number, values] of valuesByNumber(previous)) {
        const currentValues = now.get(number);
        if (!currentValues) continue;
        const was = values.map((value) => value.name).sort();
        const names = currentValues.map((value) => value.name).sort();
        // Adding aliases is fine; every name the number had must still be one of its names.
        if (was.every((name) => names.includes(name))) continue;
        const plural = was.length > 1 && names.length > 1 ? 's' : '';
        for (const value of currentValues) {
          const old = values.find((entry) => entry.name === value.name);
          context.report({
            subject: `${current.fullName}.${value.name}`,
            before: old ? { file: previous.file, span: old.numberSpan } : { file: previous.file, span: previous.span },
            after: { file: current.file, span: value.numberSpan },
            message: `Enum value "${number}" on enum "${current.name}" changed name${plural} from ${quoted(was)} to ${quoted(names)}.`,
            details: { number, previous: was, current: names },
          });
        }
      }
    }
  }),
  protoRule('RESERVED_ENUM_NO_DELETE', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that no reserved range or name is removed from an enum.', (context) => {
    for (const [previous, current] of enumPairs(context.before, context.after)) {
      for (const range of previous.reservedRanges) {
        const missing = missingParts(range, current.reservedRanges);
        if (missing.length === 0) continue;
        const was = rangeText([range.start, range.end], ENUM_MAX);
        context.report({
          subject: current.fullName, before: at(previous), after: at(current),
          message: `Previously present reserved range "${was}" on enum "${current.name}" is missing values: ${missing.map((part) => rangeText(part, ENUM_MAX)).join(', ')} were removed.`,
          details: { range: was },
        });
      }
      for (const name of new Set(previous.reservedNames)) {
        if (current.reservedNames.includes(name)) continue;
        context.report({
          subject: current.fullName, before: at(previous), after: at(current),
          message: `Previously present reserved name "${name}" on enum "${current.name}" was deleted.`, details: { name },
        });
      }
    }
  }),
  protoRule('ENUM_SAME_TYPE', ['FILE', 'PACKAGE'], 'Checks that an enum stays open or closed, which decides what readers do with unknown values.', (context) => {
    for (const [previous, current] of enumPairs(context.before, context.after)) {
      const was = enumFeature(context.before, previous, 'enum_type') === 'CLOSED' ? 'closed' : 'open';
      const now = enumFeature(context.after, current, 'enum_type') === 'CLOSED' ? 'closed' : 'open';
      if (was === now) continue;
      context.report({
        subject: current.fullName,
        before: { file: previous.file, span: ownFeatureOption(previous.options, 'enum_type')?.span ?? previous.span },
        after: { file: current.file, span: ownFeatureOption(current.options, 'enum_type')?.span ?? current.span },
        message: `Enum "${current.name}" changed from ${was} to ${now}.`, details: { previous: was, current: now },
      });
    }
  }),
  protoRule('ENUM_SAME_JSON_FORMAT', ['FILE', 'PACKAGE', 'WIRE_JSON'], 'Checks that an enum that supported JSON still does.', (context) => {
    for (const [previous, current] of enumPairs(context.before, context.after)) {
      const was = enumFeature(context.before, previous, 'json_format');
      const now = enumFeature(context.after, current, 'json_format');
      if (was !== 'ALLOW' || now === 'ALLOW') continue;
      context.report({
        subject: current.fullName,
        before: { file: previous.file, span: ownFeatureOption(previous.options, 'json_format')?.span ?? previous.span },
        after: { file: current.file, span: ownFeatureOption(current.options, 'json_format')?.span ?? current.span },
        message: `Enum "${current.name}" JSON format support changed from ${was} to ${now}.`, details: { previous: was, current: now },
      });
    }
  }),
];
