import type { ProtoField } from '../proto-model.ts';

/** How a field is named in messages: extensions by full name on their extendee, fields on their message. */
export function describeField(field: ProtoField, withName = true): string {
  const name = field.extendee ? field.fullName : field.name;
  const named = withName ? ` with name "${name}"` : '';
  return field.extendee
    ? `Extension "${field.number}"${named} on message "${field.extendee}"`
    : `Field "${field.number}"${named} on message "${field.message?.name ?? ''}"`;
}

export const at = (field: ProtoField, span = field.span) => ({ file: field.file, span });
