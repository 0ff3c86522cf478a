/**
 * The protobuf elements the rules look at, each with the place it was written. Names follow
 * descriptor.proto: `fullName` is package-qualified, `nestedName` is relative to the package.
 */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ProtoOption {
  /** Normalised name: `json_name`, `features.utf8_validation`, `features.(pb.cpp).string_type`, `(my.ext)`. */
  readonly name: string;
  /** Decoded string, identifier, number literal or `true`/`false`; aggregates keep their source text. */
  readonly value: string;
  readonly valueKind: 'string' | 'ident' | 'number' | 'aggregate';
  readonly span: Span;
}

export type Syntax = 'proto2' | 'proto3' | 'editions';

export interface ProtoFile {
  readonly path: string;
  readonly syntax: Syntax;
  /** `2023`, `2024` for editions; otherwise the syntax name. */
  readonly edition: string;
  readonly syntaxSpan?: Span;
  readonly package: string;
  readonly packageSpan?: Span;
  readonly imports: readonly string[];
  readonly options: readonly ProtoOption[];
  readonly messages: ProtoMessage[];
  readonly enums: ProtoEnum[];
  readonly services: ProtoService[];
  readonly extensions: ProtoField[];
}

export interface TagRange {
  readonly start: number;
  /** Inclusive; `max` resolves to the largest number of the element kind. */
  readonly end: number;
  readonly span: Span;
}

export interface ProtoMessage {
  readonly name: string;
  readonly fullName: string;
  readonly nestedName: string;
  readonly file: string;
  readonly span: Span;
  readonly fields: ProtoField[];
  readonly oneofs: ProtoOneof[];
  readonly messages: ProtoMessage[];
  readonly enums: ProtoEnum[];
  readonly extensions: ProtoField[];
  readonly reservedRanges: TagRange[];
  readonly reservedNames: string[];
  readonly extensionRanges: TagRange[];
  readonly options: ProtoOption[];
  readonly isMapEntry: boolean;
  readonly parent?: ProtoMessage;
}

export interface ProtoOneof {
  readonly name: string;
  readonly span: Span;
  readonly options: ProtoOption[];
  /** proto3 `optional` fields live in a generated oneof that the rules ignore. */
  readonly synthetic: boolean;
}

export type FieldLabel = 'optional' | 'required' | 'repeated';

export interface ProtoField {
  readonly name: string;
  readonly number: number;
  /** The label as written, if any. */
  readonly label?: FieldLabel;
  /** Type as written (`int32`, `.a.B`, `Foo.Bar`); for map fields the generated entry name. */
  readonly typeName: string;
  /** Fully-qualified type once resolved (no leading dot); scalar name for scalars. */
  resolvedType: string;
  /** Scalar name, or `message`, `enum`, `group` once resolved. */
  kind: string;
  readonly span: Span;
  readonly typeSpan: Span;
  readonly nameSpan: Span;
  readonly numberSpan: Span;
  readonly options: ProtoOption[];
  readonly oneof?: ProtoOneof;
  /** Fully-qualified extendee once resolved, for extensions. */
  extendee?: string;
  readonly extendeeWritten?: string;
  readonly fullName: string;
  readonly message?: ProtoMessage;
  /** Scope in which the type and extendee names resolve. */
  readonly scope: string;
  readonly file: string;
  readonly isMap: boolean;
  readonly isGroup: boolean;
}

export interface ProtoEnumValue {
  readonly name: string;
  readonly number: number;
  readonly span: Span;
  readonly numberSpan: Span;
  readonly options: ProtoOption[];
}

export interface ProtoEnum {
  readonly name: string;
  readonly fullName: string;
  readonly nestedName: string;
  readonly file: string;
  readonly span: Span;
  readonly values: ProtoEnumValue[];
  readonly reservedRanges: TagRange[];
  readonly reservedNames: string[];
  readonly options: ProtoOption[];
  readonly parent?: ProtoMessage;
}

export interface ProtoMethod {
  readonly name: string;
  readonly span: Span;
  readonly inputWritten: string;
  readonly outputWritten: string;
  inputType: string;
  outputType: string;
  readonly inputSpan: Span;
  readonly outputSpan: Span;
  readonly clientStreaming: boolean;
  readonly serverStreaming: boolean;
  readonly options: ProtoOption[];
}

export interface ProtoService {
  readonly name: string;
  readonly fullName: string;
  readonly file: string;
  readonly span: Span;
  readonly methods: ProtoMethod[];
  readonly options: ProtoOption[];
}

export function findOption(options: readonly ProtoOption[], name: string): ProtoOption | undefined {
  for (let index = options.length - 1; index >= 0; index -= 1) if (options[index]!.name === name) return options[index];
  return undefined;
}
