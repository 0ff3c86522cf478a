import { ContractError } from '../contract-error.ts';
import type { ProtoEnum, ProtoField, ProtoFile, ProtoMessage, ProtoService, Span } from './proto-model.ts';

export const SCALAR_TYPES = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64',
  'bool', 'string', 'bytes',
]);

/**
 * Every file of one version, indexed once by stable identity (full name, file path) so rules get
 * their before/after pairs without walking trees themselves. Building it resolves each type
 * reference to its full name and kind, following protobuf's scoping: innermost scope first.
 */
export interface ProtoSet {
  readonly files: ReadonlyMap<string, ProtoFile>;
  readonly messages: ReadonlyMap<string, ProtoMessage>;
  readonly enums: ReadonlyMap<string, ProtoEnum>;
  readonly services: ReadonlyMap<string, ProtoService>;
  /** Every extension, keyed by `extendee` then field number. */
  readonly extensions: ReadonlyMap<string, ReadonlyMap<number, ProtoField>>;
  readonly fileOf: (element: { file: string }) => ProtoFile;
  /** The path to report for a file: its place in the module when build roots shorten its import path. */
  readonly displayPath: (file: string) => string;
}

export function buildProtoSet(files: readonly ProtoFile[], displayPaths: ReadonlyMap<string, string> = new Map()): ProtoSet {
  const fileMap = new Map<string, ProtoFile>();
  const messages = new Map<string, ProtoMessage>();
  const enums = new Map<string, ProtoEnum>();
  const services = new Map<string, ProtoService>();
  const symbols = new Map<string, 'message' | 'enum' | 'package' | 'service'>();
  const allFields: ProtoField[] = [];
  const allExtensions: ProtoField[] = [];
  const declare = (name: string, kind: 'message' | 'enum' | 'service', file: string, span: Span): void => {
    if (symbols.has(name)) {
      throw new ContractError(`"${name}" is already defined`, { pointer: name, file, line: span.line, column: span.column });
    }
    symbols.set(name, kind);
  };
  for (const file of files) {
    fileMap.set(file.path, file);
    const parts = file.package ? file.package.split('.') : [];
    for (let index = 1; index <= parts.length; index += 1) {
      const name = parts.slice(0, index).join('.');
      if (!symbols.has(name)) symbols.set(name, 'package');
    }
    const visitEnum = (value: ProtoEnum): void => {
      declare(value.fullName, 'enum', value.file, value.span);
      enums.set(value.fullName, value);
    };
    const visitMessage = (message: ProtoMessage): void => {
      declare(message.fullName, 'message', message.file, message.span);
      messages.set(message.fullName, message);
      const numbers = new Map<number, ProtoField>();
      for (const field of message.fields) {
        const clash = numbers.get(field.number);
        if (clash) {
          throw new ContractError(`field number ${field.number} of "${message.fullName}" is used by both "${clash.name}" and "${field.name}"`, {
            pointer: field.fullName, file: field.file, line: field.numberSpan.line, column: field.numberSpan.column,
          });
        }
        numbers.set(field.number, field);
      }
      allFields.push(...message.fields);
      allExtensions.push(...message.extensions);
      message.enums.forEach(visitEnum);
      message.messages.forEach(visitMessage);
    };
    file.messages.forEach(visitMessage);
    file.enums.forEach(visitEnum);
    allExtensions.push(...file.extensions);
    for (const service of file.services) {
      declare(service.fullName, 'service', service.file, service.span);
      services.set(service.fullName, service);
    }
  }
  const resolve = (name: string, scope: string): string | undefined => {
    if (name.startsWith('.')) return symbols.has(name.slice(1)) ? name.slice(1) : undefined;
    const first = name.split('.')[0]!;
    let current: string | undefined = scope;
    while (current !== undefined) {
      const candidate = current ? `${current}.${first}` : first;
      if (symbols.has(candidate)) {
        const full = current ? `${current}.${name}` : name;
        if (symbols.has(full)) return full;
      }
      if (current === '') break;
      const dot = current.lastIndexOf('.');
      current = dot < 0 ? '' : current.slice(0, dot);
    }
    return undefined;
  };
  const resolveField = (field: ProtoField): void => {
    if (SCALAR_TYPES.has(field.typeName)) {
      field.kind = field.typeName;
      field.resolvedType = field.typeName;
    } else {
      const full = resolve(field.typeName, field.scope);
      field.resolvedType = full ?? field.typeName.replace(/^\./, '');
      const symbol = full ? symbols.get(full) : undefined;
      field.kind = field.isGroup ? 'group' : symbol === 'enum' ? 'enum' : 'message';
    }
    if (field.extendeeWritten) field.extendee = resolve(field.extendeeWritten, field.scope) ?? field.extendeeWritten.replace(/^\./, '');
  };
  allFields.forEach(resolveField);
  allExtensions.forEach(resolveField);
  for (const service of services.values()) {
    for (const method of service.methods) {
      method.inputType = resolve(method.inputWritten, service.fullName) ?? method.inputWritten.replace(/^\./, '');
      method.outputType = resolve(method.outputWritten, service.fullName) ?? method.outputWritten.replace(/^\./, '');
    }
  }
  const extensions = new Map<string, Map<number, ProtoField>>();
  for (const extension of allExtensions) {
    const byNumber = extensions.get(extension.extendee!) ?? new Map<number, ProtoField>();
    byNumber.set(extension.number, extension);
    extensions.set(extension.extendee!, byNumber);
  }
  return {
    files: fileMap, messages, enums, services, extensions,
    fileOf: (element) => fileMap.get(element.file)!,
    displayPath: (file) => displayPaths.get(file) ?? file,
  };
}
