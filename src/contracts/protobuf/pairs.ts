import type { ProtoEnum, ProtoEnumValue, ProtoField, ProtoFile, ProtoMessage, ProtoMethod, ProtoService } from './proto-model.ts';
import type { ProtoSet } from './proto-set.ts';

/**
 * Pairing is infrastructure: elements of the two versions matched by stable identity (file path,
 * full name, field number, enum value number, method name), handed to rules as before/after pairs.
 */
export function* filePairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoFile, ProtoFile]> {
  for (const [path, file] of before.files) {
    const current = after.files.get(path);
    if (current) yield [file, current];
  }
}

export function* messagePairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoMessage, ProtoMessage]> {
  for (const [name, message] of before.messages) {
    const current = after.messages.get(name);
    if (current) yield [message, current];
  }
}

export function* enumPairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoEnum, ProtoEnum]> {
  for (const [name, value] of before.enums) {
    const current = after.enums.get(name);
    if (current) yield [value, current];
  }
}

export function fieldsByNumber(message: ProtoMessage): Map<number, ProtoField> {
  return new Map(message.fields.map((field) => [field.number, field]));
}

/** Message fields by number within messages of the same full name, then extensions by extendee and number. */
export function* fieldPairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoField, ProtoField]> {
  for (const [previous, current] of messagePairs(before, after)) {
    const currentFields = fieldsByNumber(current);
    for (const field of previous.fields) {
      const match = currentFields.get(field.number);
      if (match) yield [field, match];
    }
  }
  for (const [extendee, previousByNumber] of before.extensions) {
    const currentByNumber = after.extensions.get(extendee);
    if (!currentByNumber) continue;
    for (const [number, field] of previousByNumber) {
      const match = currentByNumber.get(number);
      if (match) yield [field, match];
    }
  }
}

export function valuesByNumber(value: ProtoEnum): Map<number, ProtoEnumValue[]> {
  const byNumber = new Map<number, ProtoEnumValue[]>();
  for (const entry of value.values) byNumber.set(entry.number, [...(byNumber.get(entry.number) ?? []), entry]);
  return byNumber;
}

export function* servicePairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoService, ProtoService]> {
  for (const [name, service] of before.services) {
    const current = after.services.get(name);
    if (current) yield [service, current];
  }
}

export function* methodPairs(before: ProtoSet, after: ProtoSet): Generator<[ProtoMethod, ProtoMethod, ProtoService]> {
  for (const [previous, current] of servicePairs(before, after)) {
    const byName = new Map(current.methods.map((method) => [method.name, method]));
    for (const method of previous.methods) {
      const match = byName.get(method.name);
      if (match) yield [method, match, current];
    }
  }
}

/** Every message and enum of a file by its name relative to the package. */
export function nestedMessages(file: ProtoFile): Map<string, ProtoMessage> {
  const out = new Map<string, ProtoMessage>();
  const visit = (message: ProtoMessage): void => {
    out.set(message.nestedName, message);
    message.messages.forEach(visit);
  };
  file.messages.forEach(visit);
  return out;
}

export function nestedEnums(file: ProtoFile): Map<string, ProtoEnum> {
  const out = new Map<string, ProtoEnum>();
  const visit = (message: ProtoMessage): void => {
    message.enums.forEach((value) => out.set(value.nestedName, value));
    message.messages.forEach(visit);
  };
  file.enums.forEach((value) => out.set(value.nestedName, value));
  file.messages.forEach(visit);
  return out;
}

export function nestedExtensions(file: ProtoFile): Map<string, ProtoField> {
  const out = new Map<string, ProtoField>();
  const prefix = file.package ? `${file.package}.` : '';
  const add = (field: ProtoField): void => {
    out.set(field.fullName.startsWith(prefix) ? field.fullName.slice(prefix.length) : field.fullName, field);
  };
  const visit = (message: ProtoMessage): void => {
    message.extensions.forEach(add);
    message.messages.forEach(visit);
  };
  file.extensions.forEach(add);
  file.messages.forEach(visit);
  return out;
}

/** The closest still-existing parent message of a deleted nested element, where buf points. */
export function survivingParent(messages: ReadonlyMap<string, ProtoMessage>, nestedName: string): ProtoMessage | undefined {
  const parts = nestedName.split('.');
  for (let size = parts.length - 1; size > 0; size -= 1) {
    const parent = messages.get(parts.slice(0, size).join('.'));
    if (parent) return parent;
  }
  return undefined;
}
