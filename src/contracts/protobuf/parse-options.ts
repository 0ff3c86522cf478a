import type { ProtoOption } from './proto-model.ts';
import { span, TokenCursor } from './token-cursor.ts';
import type { Token } from './tokenize.ts';

/** Option statements, bracketed field options and message-literal values, with the span of each. */
export class OptionReader extends TokenCursor {
  protected readOptionStatement(keyword: Token): ProtoOption[] {
    const options = this.readOptionAssignment(keyword);
    const end = this.expect(';');
    return options.map((option) => ({ ...option, span: span(keyword, end) }));
  }

  protected readBracketOptions(): ProtoOption[] {
    this.expect('[');
    const options: ProtoOption[] = [];
    while (true) {
      options.push(...this.readOptionAssignment(this.current()));
      if (this.peek()?.text === ',') {
        this.next();
        continue;
      }
      this.expect(']');
      return options;
    }
  }

  /** `name = value`, where the name may hold parenthesised extension names and the value may be an aggregate. */

  /** `name = value`, where the name may hold parenthesised extension names and the value may be an aggregate. */
  protected readOptionAssignment(start: Token): ProtoOption[] {
    const nameStart = this.current();
    let name = '';
    while (this.peek() && this.current().text !== '=') {
      const token = this.next();
      if (token.text === '(') {
        name += '(' + this.readFullIdent() + ')';
        this.expect(')');
      } else if (token.kind === 'ident' || token.text === '.') {
        name += token.text;
      } else {
        this.fail(`unexpected "${token.text}" in option name`, token);
      }
    }
    if (!name) this.fail('expected an option name', nameStart);
    this.expect('=');
    const valueStart = this.peek();
    if (!valueStart) this.fail('expected an option value', nameStart);
    if (valueStart!.text === '{') {
      const entries = this.readAggregate();
      const end = this.tokens[this.index - 1]!;
      const text = entries.map(([key, value]) => `${key}: ${value}`).join(' ');
      const whole: ProtoOption = { name, value: `{${text}}`, valueKind: 'aggregate', span: span(start, end) };
      // Features set as a message literal read like the dotted form, so rules see one shape.
      const expanded = entries.filter(([, value]) => !value.startsWith('{'))
        .map(([key, value]): ProtoOption => ({ name: `${name}.${key}`, value, valueKind: 'ident', span: span(start, end) }));
      return [whole, ...expanded];
    }
    let value = '';
    let valueKind: ProtoOption['valueKind'] = 'ident';
    if (valueStart!.kind === 'string') {
      valueKind = 'string';
      while (this.peek()?.kind === 'string') value += this.next().text;
    } else {
      if (valueStart!.text === '-' || valueStart!.text === '+') value += this.next().text;
      const token = this.next();
      if (token.kind !== 'number' && token.kind !== 'ident') this.fail(`unexpected "${token.text}" as option value`, token);
      valueKind = token.kind === 'number' ? 'number' : 'ident';
      value += token.text;
    }
    return [{ name, value, valueKind, span: span(start, this.tokens[this.index - 1]!) }];
  }

  protected readAggregate(): Array<[string, string]> {
    this.expect('{');
    const entries: Array<[string, string]> = [];
    while (this.peek() && this.current().text !== '}') {
      const keyToken = this.next();
      let key = keyToken.text;
      if (keyToken.text === '[') {
        key = '[' + this.readFullIdent() + ']';
        this.expect(']');
      } else if (keyToken.kind !== 'ident') {
        this.fail(`unexpected "${keyToken.text}" in aggregate value`, keyToken);
      }
      if (this.peek()?.text === ':') this.next();
      let value: string;
      if (this.peek()?.text === '{' || this.peek()?.text === '<') {
        const open = this.current().text;
        if (open === '<') this.fail('angle-bracket aggregates are not supported', this.current());
        value = '{' + this.readAggregate().map(([k, v]) => `${k}: ${v}`).join(' ') + '}';
      } else if (this.peek()?.text === '[') {
        this.next();
        const items: string[] = [];
        while (this.peek() && this.current().text !== ']') {
          const item = this.next();
          if (item.text !== ',') items.push(item.text);
        }
        this.expect(']');
        value = `[${items.join(',')}]`;
      } else {
        let text = '';
        if (this.peek()?.text === '-') text += this.next().text;
        const token = this.next();
        if (!token) this.fail('unterminated aggregate value', keyToken);
        text += token.text;
        while (token.kind === 'string' && this.peek()?.kind === 'string') text += this.next().text;
        value = text;
      }
      entries.push([key, value]);
      if (this.peek()?.text === ',' || this.peek()?.text === ';') this.next();
    }
    this.expect('}');
    return entries;
  }
}
