import type {
  FieldLabel, ProtoEnum, ProtoEnumValue, ProtoField, ProtoFile, ProtoMessage, ProtoMethod, ProtoOneof, ProtoOption,
  ProtoService, Span, Syntax, TagRange,
} from './proto-model.ts';
import { OptionReader } from './parse-options.ts';
import { span } from './token-cursor.ts';
import { tokenize, type Token } from './tokenize.ts';

const MESSAGE_MAX = 536870911;
const ENUM_MAX = 2147483647;

/**
 * Reads one .proto file into the element model with the position of every element, option and
 * type reference. Type names stay as written; `resolveProtoSet` qualifies them across files.
 */
export function parseProtoFile(path: string, text: string): ProtoFile {
  return new FileParser(path, tokenize(text, path)).parse();
}

interface Scope {
  readonly fullName: string;
  readonly nestedName: string;
  readonly message?: ProtoMessage;
}

class FileParser extends OptionReader {
  private syntax: Syntax = 'proto2';
  private edition = 'proto2';
  private pkg = '';

  parse(): ProtoFile {
    let syntaxSpan: Span | undefined;
    let packageSpan: Span | undefined;
    const imports: string[] = [];
    const options: ProtoOption[] = [];
    const messages: ProtoMessage[] = [];
    const enums: ProtoEnum[] = [];
    const services: ProtoService[] = [];
    const extensions: ProtoField[] = [];
    const first = this.peek();
    if (first && (first.text === 'syntax' || first.text === 'edition') && first.kind === 'ident') {
      this.next();
      this.expect('=');
      const value = this.expectKind('string');
      const end = this.expect(';');
      syntaxSpan = span(first, end);
      if (first.text === 'syntax') {
        if (value.text !== 'proto2' && value.text !== 'proto3') this.fail(`unknown syntax "${value.text}"`, value);
        this.syntax = value.text as Syntax;
        this.edition = value.text;
      } else {
        if (!/^20\d\d$/.test(value.text)) this.fail(`unknown edition "${value.text}"`, value);
        this.syntax = 'editions';
        this.edition = value.text;
      }
    }
    const scope = (): Scope => ({ fullName: this.pkg, nestedName: '' });
    while (this.peek()) {
      const token = this.current();
      if (token.text === ';' && token.kind === 'symbol') {
        this.next();
        continue;
      }
      let keyword = this.expectKind('ident');
      // Edition 2024 symbol visibility (`export message`, `local enum`) does not change the wire.
      if ((keyword.text === 'export' || keyword.text === 'local') && ['message', 'enum'].includes(this.peek()?.text ?? '')) keyword = this.next();
      switch (keyword.text) {
        case 'package': {
          if (packageSpan) this.fail('multiple package declarations', keyword);
          this.pkg = this.readFullIdent();
          packageSpan = span(keyword, this.expect(';'));
          break;
        }
        case 'import': {
          if (this.peek()?.kind === 'ident' && (this.current().text === 'public' || this.current().text === 'weak')) this.next();
          imports.push(this.expectKind('string').text);
          this.expect(';');
          break;
        }
        case 'option':
          options.push(...this.readOptionStatement(keyword));
          break;
        case 'message':
          messages.push(this.readMessage(keyword, scope(), undefined));
          break;
        case 'enum':
          enums.push(this.readEnum(keyword, scope(), undefined));
          break;
        case 'service':
          services.push(this.readService(keyword));
          break;
        case 'extend':
          extensions.push(...this.readExtend(scope()));
          break;
        default:
          this.fail(`unexpected "${keyword.text}" at top level`, keyword);
      }
    }
    return {
      path: this.path, syntax: this.syntax, edition: this.edition, syntaxSpan, package: this.pkg, packageSpan, imports,
      options, messages, enums, services, extensions,
    };
  }

  private readMessage(keyword: Token, parent: Scope, parentMessage: ProtoMessage | undefined, nameToken?: Token): ProtoMessage {
    const name = nameToken ?? this.expectKind('ident');
    const message: ProtoMessage = {
      name: name.text,
      fullName: join(parent.fullName, name.text),
      nestedName: join(parent.nestedName, name.text),
      file: this.path,
      span: span(keyword, keyword),
      fields: [], oneofs: [], messages: [], enums: [], extensions: [], reservedRanges: [], reservedNames: [],
      extensionRanges: [], options: [], isMapEntry: false, parent: parentMessage,
    };
    this.expect('{');
    this.readMessageBody(message);
    const end = this.expect('}');
    (message as { span: Span }).span = span(keyword, end);
    return message;
  }

  private readMessageBody(message: ProtoMessage, oneof?: ProtoOneof): void {
    const scope: Scope = { fullName: message.fullName, nestedName: message.nestedName, message };
    while (this.peek() && this.current().text !== '}') {
      const token = this.current();
      if (token.kind === 'symbol' && token.text === ';') {
        this.next();
        continue;
      }
      if (token.kind !== 'ident' && !(token.kind === 'symbol' && token.text === '.')) this.fail(`unexpected "${token.text}" in message`, token);
      const lookahead = this.tokens[this.index + 1];
      const isDeclaration = lookahead && !(lookahead.kind === 'symbol' && (lookahead.text === '.' || lookahead.text === '<'));
      if (!oneof && (token.text === 'export' || token.text === 'local') && ['message', 'enum'].includes(lookahead?.text ?? '')
        && this.tokens[this.index + 2]?.kind === 'ident') {
        this.next();
        continue;
      }
      if (!oneof && isDeclaration) {
        switch (token.text) {
          case 'message':
            this.next();
            message.messages.push(this.readMessage(token, scope, message));
            continue;
          case 'enum':
            this.next();
            message.enums.push(this.readEnum(token, scope, message));
            continue;
          case 'extend':
            this.next();
            message.extensions.push(...this.readExtend(scope));
            continue;
          case 'oneof': {
            this.next();
            const name = this.expectKind('ident');
            const group: ProtoOneof = { name: name.text, span: span(token, token), options: [], synthetic: false };
            message.oneofs.push(group);
            this.expect('{');
            this.readMessageBody(message, group);
            (group as { span: Span }).span = span(token, this.expect('}'));
            continue;
          }
          case 'reserved':
            this.next();
            this.readReserved(message.reservedRanges, message.reservedNames, MESSAGE_MAX);
            continue;
          case 'extensions':
            this.next();
            this.readRanges(message.extensionRanges, MESSAGE_MAX);
            if (this.peek()?.text === '[') this.readBracketOptions();
            this.expect(';');
            continue;
        }
      }
      if (token.text === 'option' && isDeclaration) {
        this.next();
        const read = this.readOptionStatement(token);
        (oneof ? oneof.options : message.options).push(...read);
        continue;
      }
      this.readField(scope, message, oneof, undefined, message.fields);
    }
  }

  private readField(scope: Scope, message: ProtoMessage | undefined, oneof: ProtoOneof | undefined, extendee: string | undefined, into: ProtoField[]): void {
    const start = this.current();
    let label: FieldLabel | undefined;
    if (['optional', 'required', 'repeated'].includes(start.text) && start.kind === 'ident') {
      const following = this.tokens[this.index + 2];
      if (following && !(following.kind === 'symbol' && following.text === '=')) {
        label = start.text as FieldLabel;
        this.next();
      }
    }
    const typeStart = this.current();
    if (typeStart.text === 'map' && this.tokens[this.index + 1]?.text === '<') {
      this.next();
      this.expect('<');
      const keyType = this.readTypeName();
      this.expect(',');
      const valueType = this.readTypeName();
      const close = this.expect('>');
      const typeSpan = span(typeStart, close);
      const nameToken = this.expectKind('ident');
      this.expect('=');
      const numberToken = this.expectKind('number');
      const options = this.peek()?.text === '[' ? this.readBracketOptions() : [];
      const end = this.expect(';');
      if (!message) this.fail('map fields are only allowed in messages', typeStart);
      const entryName = `${camel(nameToken.text)}Entry`;
      const entry: ProtoMessage = {
        name: entryName, fullName: join(scope.fullName, entryName), nestedName: join(scope.nestedName, entryName), file: this.path,
        span: span(typeStart, end), fields: [], oneofs: [], messages: [], enums: [], extensions: [], reservedRanges: [],
        reservedNames: [], extensionRanges: [], isMapEntry: true, parent: message,
        // protoc hands the map field's features to its generated entry, so the key and value inherit them.
        options: options.filter((option) => option.name.startsWith('features.')),
      };
      const entryScope: Scope = { fullName: entry.fullName, nestedName: entry.nestedName, message: entry };
      for (const [name, number, type] of [['key', 1, keyType], ['value', 2, valueType]] as const) {
        entry.fields.push(this.makeField({
          name, number, label: 'optional', typeName: type, span: typeSpan, typeSpan, nameSpan: typeSpan, numberSpan: typeSpan,
          options: [], scope: scope.fullName, message: entry, fullName: join(entryScope.fullName, name), isMap: false, isGroup: false,
        }));
      }
      message!.messages.push(entry);
      into.push(this.makeField({
        name: nameToken.text, number: this.toInt(numberToken, MESSAGE_MAX), label: 'repeated', typeName: entryName,
        span: span(start, end), typeSpan, nameSpan: span(nameToken, nameToken), numberSpan: span(numberToken, numberToken), options,
        scope: scope.fullName, message, oneof, fullName: join(scope.fullName, nameToken.text), isMap: true, isGroup: false,
      }));
      return;
    }
    if (typeStart.text === 'group' && typeStart.kind === 'ident' && this.tokens[this.index + 1]?.kind === 'ident') {
      this.next();
      const nameToken = this.expectKind('ident');
      this.expect('=');
      const numberToken = this.expectKind('number');
      const options = this.peek()?.text === '[' ? this.readBracketOptions() : [];
      const groupParent = message ?? undefined;
      const nested = this.readMessage(typeStart, scope, groupParent, nameToken);
      if (message) message.messages.push(nested);
      into.push(this.makeField({
        name: nameToken.text.toLowerCase(), number: this.toInt(numberToken, MESSAGE_MAX), label, typeName: nameToken.text,
        span: span(start, this.tokens[this.index - 1]!), typeSpan: span(typeStart, typeStart), nameSpan: span(nameToken, nameToken),
        numberSpan: span(numberToken, numberToken), options, scope: scope.fullName, message, oneof, extendee,
        fullName: join(scope.fullName, nameToken.text.toLowerCase()), isMap: false, isGroup: true,
      }));
      return;
    }
    const typeName = this.readTypeName();
    const typeSpan = span(typeStart, this.tokens[this.index - 1]!);
    const nameToken = this.expectKind('ident');
    this.expect('=');
    const numberToken = this.expectKind('number');
    const options = this.peek()?.text === '[' ? this.readBracketOptions() : [];
    const end = this.expect(';');
    let fieldOneof = oneof;
    if (label === 'optional' && this.syntax === 'proto3' && !extendee && message) {
      fieldOneof = { name: `_${nameToken.text}`, span: span(start, end), options: [], synthetic: true };
      message.oneofs.push(fieldOneof);
    }
    into.push(this.makeField({
      name: nameToken.text, number: this.toInt(numberToken, MESSAGE_MAX), label, typeName, span: span(start, end), typeSpan,
      nameSpan: span(nameToken, nameToken), numberSpan: span(numberToken, numberToken), options, scope: scope.fullName,
      message: extendee ? undefined : message, oneof: fieldOneof, extendee, fullName: join(scope.fullName, nameToken.text),
      isMap: false, isGroup: false,
    }));
  }

  private makeField(input: Omit<ProtoField, 'resolvedType' | 'kind' | 'file' | 'extendeeWritten'> & { extendee?: string }): ProtoField {
    return { ...input, extendeeWritten: input.extendee, resolvedType: input.typeName, kind: input.typeName, file: this.path };
  }

  private readExtend(scope: Scope): ProtoField[] {
    const extendee = this.readTypeName();
    const fields: ProtoField[] = [];
    this.expect('{');
    while (this.peek() && this.current().text !== '}') {
      if (this.current().text === ';') {
        this.next();
        continue;
      }
      this.readField(scope, scope.message, undefined, extendee, fields);
    }
    this.expect('}');
    return fields;
  }

  private readEnum(keyword: Token, parent: Scope, parentMessage: ProtoMessage | undefined): ProtoEnum {
    const name = this.expectKind('ident');
    const result: ProtoEnum = {
      name: name.text, fullName: join(parent.fullName, name.text), nestedName: join(parent.nestedName, name.text), file: this.path,
      span: span(keyword, keyword), values: [], reservedRanges: [], reservedNames: [], options: [], parent: parentMessage,
    };
    this.expect('{');
    while (this.peek() && this.current().text !== '}') {
      const token = this.next();
      if (token.text === ';' && token.kind === 'symbol') continue;
      if (token.kind !== 'ident') this.fail(`unexpected "${token.text}" in enum`, token);
      const following = this.peek();
      if (token.text === 'option' && following?.text !== '=') {
        result.options.push(...this.readOptionStatement(token));
        continue;
      }
      if (token.text === 'reserved' && following?.text !== '=') {
        this.readReserved(result.reservedRanges, result.reservedNames, ENUM_MAX);
        continue;
      }
      this.expect('=');
      let sign = 1;
      const numberStart = this.current();
      if (numberStart.text === '-') {
        this.next();
        sign = -1;
      }
      const numberToken = this.expectKind('number');
      const options = this.peek()?.text === '[' ? this.readBracketOptions() : [];
      const end = this.expect(';');
      const value: ProtoEnumValue = {
        name: token.text, number: sign * this.toInt(numberToken, ENUM_MAX + 1), span: span(token, end),
        numberSpan: span(numberStart, numberToken), options,
      };
      result.values.push(value);
    }
    (result as { span: Span }).span = span(keyword, this.expect('}'));
    return result;
  }

  private readService(keyword: Token): ProtoService {
    const name = this.expectKind('ident');
    const service: ProtoService = { name: name.text, fullName: join(this.pkg, name.text), file: this.path, span: span(keyword, keyword), methods: [], options: [] };
    this.expect('{');
    while (this.peek() && this.current().text !== '}') {
      const token = this.next();
      if (token.text === ';' && token.kind === 'symbol') continue;
      if (token.text === 'option') {
        service.options.push(...this.readOptionStatement(token));
        continue;
      }
      if (token.text !== 'rpc') this.fail(`unexpected "${token.text}" in service`, token);
      const methodName = this.expectKind('ident');
      const readType = (): [string, Span, boolean] => {
        this.expect('(');
        let streaming = false;
        const stream = this.peek();
        const after = this.tokens[this.index + 1];
        // `stream.Foo` is a type named with a `stream` package; `stream .Foo` and `stream Foo` stream.
        const joined = after?.text === '.' && after.line === stream?.endLine && after.column === stream?.endColumn;
        if (stream?.text === 'stream' && stream.kind === 'ident' && after && after.text !== ')' && !joined) {
          this.next();
          streaming = true;
        }
        const first = this.current();
        const type = this.readTypeName();
        const typeSpan = span(first, this.tokens[this.index - 1]!);
        this.expect(')');
        return [type, typeSpan, streaming];
      };
      const [input, inputSpan, clientStreaming] = readType();
      const returns = this.expectKind('ident');
      if (returns.text !== 'returns') this.fail('expected "returns"', returns);
      const [output, outputSpan, serverStreaming] = readType();
      const options: ProtoOption[] = [];
      let end: Token;
      if (this.peek()?.text === '{') {
        this.next();
        while (this.peek() && this.current().text !== '}') {
          const inner = this.next();
          if (inner.text === ';') continue;
          if (inner.text !== 'option') this.fail(`unexpected "${inner.text}" in rpc`, inner);
          options.push(...this.readOptionStatement(inner));
        }
        end = this.expect('}');
        if (this.peek()?.text === ';') this.next();
      } else {
        end = this.expect(';');
      }
      const method: ProtoMethod = {
        name: methodName.text, span: span(token, end), inputWritten: input, outputWritten: output, inputType: input, outputType: output,
        inputSpan, outputSpan, clientStreaming, serverStreaming, options,
      };
      service.methods.push(method);
    }
    (service as { span: Span }).span = span(keyword, this.expect('}'));
    return service;
  }

  /** Reserved numbers and ranges, or names (quoted, or bare identifiers in editions); lenient about mixing them. */
  private readReserved(ranges: TagRange[], names: string[], max: number): void {
    while (true) {
      const token = this.current();
      if (token.kind === 'string' || (token.kind === 'ident' && token.text !== 'max')) {
        names.push(this.next().text);
      } else {
        const before = ranges.length;
        this.readRanges(ranges, max);
        if (ranges.length === before) this.fail('expected a reserved number or name', token);
        if (this.peek()?.text !== ',') break;
        this.next();
        continue;
      }
      if (this.peek()?.text !== ',') break;
      this.next();
    }
    this.expect(';');
  }
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** The map entry name protoc derives from a field name: `str2int` -> `Str2int`, `foo_bar` -> `FooBar`. */
function camel(name: string): string {
  let result = '';
  let upper = true;
  for (const char of name) {
    if (char === '_') {
      upper = true;
      continue;
    }
    result += upper ? char.toUpperCase() : char;
    upper = false;
  }
  return result;
}
