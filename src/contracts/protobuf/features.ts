import { findOption, type ProtoEnum, type ProtoField, type ProtoFile, type ProtoMessage, type ProtoOption } from './proto-model.ts';
import type { ProtoSet } from './proto-set.ts';

/** Defaults of the standard features by syntax or edition, as descriptor.proto declares them. */
const DEFAULTS: Record<string, Record<string, string>> = {
  proto2: {
    field_presence: 'EXPLICIT', enum_type: 'CLOSED', utf8_validation: 'NONE', message_encoding: 'LENGTH_PREFIXED',
    json_format: 'LEGACY_BEST_EFFORT', repeated_field_encoding: 'EXPANDED',
    '(pb.cpp).string_type': 'STRING', '(pb.java).utf8_validation': 'DEFAULT',
  },
  proto3: {
    field_presence: 'IMPLICIT', enum_type: 'OPEN', utf8_validation: 'VERIFY', message_encoding: 'LENGTH_PREFIXED',
    json_format: 'ALLOW', repeated_field_encoding: 'PACKED', '(pb.cpp).string_type': 'STRING', '(pb.java).utf8_validation': 'DEFAULT',
  },
  '2023': {
    field_presence: 'EXPLICIT', enum_type: 'OPEN', utf8_validation: 'VERIFY', message_encoding: 'LENGTH_PREFIXED',
    json_format: 'ALLOW', repeated_field_encoding: 'PACKED', '(pb.cpp).string_type': 'STRING', '(pb.java).utf8_validation': 'DEFAULT',
  },
  '2024': {
    field_presence: 'EXPLICIT', enum_type: 'OPEN', utf8_validation: 'VERIFY', message_encoding: 'LENGTH_PREFIXED',
    json_format: 'ALLOW', repeated_field_encoding: 'PACKED', '(pb.cpp).string_type': 'VIEW', '(pb.java).utf8_validation': 'DEFAULT',
  },
};

function defaultFor(file: ProtoFile, feature: string): string {
  const table = DEFAULTS[file.edition] ?? DEFAULTS['2024']!;
  return table[feature] ?? '';
}

/** Custom feature extensions are written with the extension's full or short import name. */
function featureOption(options: readonly ProtoOption[], feature: string): ProtoOption | undefined {
  const direct = findOption(options, `features.${feature}`);
  if (direct) return direct;
  if (feature.startsWith('(pb.')) return findOption(options, `features.(.${feature.slice(1)}`);
  return undefined;
}

/** The option that sets `feature` on the field itself, if any (buf reports that spot). */
export function ownFeatureOption(options: readonly ProtoOption[], feature: string): ProtoOption | undefined {
  return featureOption(options, feature);
}

function fromMessages(message: ProtoMessage | undefined, feature: string): string | undefined {
  for (let current = message; current; current = current.parent) {
    const option = featureOption(current.options, feature);
    if (option) return option.value;
  }
  return undefined;
}

/** Features flow file -> message -> oneof -> field; the nearest setting wins. */
export function fieldFeature(set: ProtoSet, field: ProtoField, feature: string): string {
  const own = featureOption(field.options, feature);
  if (own) return own.value;
  if (field.oneof && !field.oneof.synthetic) {
    const fromOneof = featureOption(field.oneof.options, feature);
    if (fromOneof) return fromOneof.value;
  }
  const file = set.fileOf(field);
  const container = field.message ?? (field.extendee ? scopeMessage(set, field) : undefined);
  return fromMessages(container, feature) ?? featureOption(file.options, feature)?.value ?? defaultFor(file, feature);
}

export function messageFeature(set: ProtoSet, message: ProtoMessage, feature: string): string {
  const file = set.fileOf(message);
  return fromMessages(message, feature) ?? featureOption(file.options, feature)?.value ?? defaultFor(file, feature);
}

export function enumFeature(set: ProtoSet, value: ProtoEnum, feature: string): string {
  const file = set.fileOf(value);
  return featureOption(value.options, feature)?.value ?? fromMessages(value.parent, feature) ?? featureOption(file.options, feature)?.value
    ?? defaultFor(file, feature);
}

/** Extensions declared inside a message inherit that message's features. */
function scopeMessage(set: ProtoSet, field: ProtoField): ProtoMessage | undefined {
  return set.messages.get(field.scope);
}

/** The descriptor kind: editions' delimited encoding turns a message field into a group on the wire. */
export function fieldKind(set: ProtoSet, field: ProtoField): string {
  if (field.kind === 'message' && !field.isMap && set.fileOf(field).syntax === 'editions') {
    const isEntryField = field.message?.isMapEntry ?? false;
    if (!isEntryField && fieldFeature(set, field, 'message_encoding') === 'DELIMITED') return 'group';
  }
  return field.kind;
}

export function isRepeated(field: ProtoField): boolean {
  return field.label === 'repeated';
}

export function isRequired(set: ProtoSet, field: ProtoField): boolean {
  if (field.label === 'required') return true;
  if (set.fileOf(field).syntax !== 'editions' || isRepeated(field)) return false;
  return fieldFeature(set, field, 'field_presence') === 'LEGACY_REQUIRED';
}

/** Mirrors protoreflect's HasPresence: singular fields that remember whether they were set. */
export function hasPresence(set: ProtoSet, field: ProtoField): boolean {
  if (isRepeated(field)) return false;
  const kind = fieldKind(set, field);
  if (kind === 'message' || kind === 'group' || field.oneof || field.extendee) return true;
  const file = set.fileOf(field);
  if (file.syntax === 'proto2') return true;
  if (file.syntax === 'proto3') return false;
  return fieldFeature(set, field, 'field_presence') !== 'IMPLICIT';
}

export type Cardinality = 'optional with explicit presence' | 'optional with implicit presence' | 'required' | 'repeated' | 'map';

export function cardinality(set: ProtoSet, field: ProtoField): Cardinality {
  if (field.isMap) return 'map';
  if (isRepeated(field)) return 'repeated';
  if (isRequired(set, field)) return 'required';
  return hasPresence(set, field) ? 'optional with explicit presence' : 'optional with implicit presence';
}
