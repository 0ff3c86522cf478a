import { ContractError } from '../contract-error.ts';
import type { Span, TagRange } from './proto-model.ts';
import type { Token } from './tokenize.ts';

export function span(start: Token, end: Token): Span {
  return { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn };
}

/** Reading position over the tokens of one file; every failure names the file, line and column. */
export class TokenCursor {
  protected index = 0;

  constructor(
    protected readonly path: string,
    protected readonly tokens: Token[],
  ) {}

  protected readRanges(into: TagRange[], max: number): void {
    while (true) {
      const startToken = this.current();
      const start = this.readSignedInt(max);
      let end = start;
      let last = this.tokens[this.index - 1]!;
      if (this.peek()?.text === 'to') {
        this.next();
        if (this.peek()?.text === 'max') {
          last = this.next();
          end = max;
        } else {
          end = this.readSignedInt(max);
          last = this.tokens[this.index - 1]!;
        }
      }
      if (end < start) this.fail(`range end ${end} is before its start ${start}`, startToken);
      into.push({ start, end, span: span(startToken, last) });
      const following = this.tokens[this.index + 1];
      if (this.peek()?.text !== ',' || !following || (following.kind !== 'number' && following.text !== '-')) return;
      this.next();
    }
  }

  protected readSignedInt(max: number): number {
    let sign = 1;
    if (this.peek()?.text === '-') {
      this.next();
      sign = -1;
    }
    return sign * this.toInt(this.expectKind('number'), max + 1);
  }

  protected readTypeName(): string {
    let name = '';
    if (this.peek()?.text === '.') name += this.next().text;
    name += this.expectKind('ident').text;
    while (this.peek()?.text === '.') {
      this.next();
      name += '.' + this.expectKind('ident').text;
    }
    return name;
  }

  protected readFullIdent(): string {
    return this.readTypeName();
  }

  protected toInt(token: Token, max: number): number {
    const text = token.text;
    let value: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(text)) value = parseInt(text.slice(2), 16);
    else if (/^0[0-7]*$/.test(text)) value = parseInt(text, 8);
    else if (/^[1-9][0-9]*$/.test(text)) value = parseInt(text, 10);
    else return this.fail(`expected an integer, got "${text}"`, token);
    if (value > max) this.fail(`number ${text} is out of range`, token);
    return value;
  }

  protected peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The next token without consuming it; running out of tokens here is an unexpected end of file. */

  /** The next token without consuming it; running out of tokens here is an unexpected end of file. */
  protected current(): Token {
    const token = this.next();
    this.index -= 1;
    return token;
  }

  protected next(): Token {
    const token = this.tokens[this.index];
    if (!token) {
      const last = this.tokens[this.tokens.length - 1];
      throw new ContractError('unexpected end of file', { pointer: '', file: this.path, line: last?.endLine ?? 1, column: last?.endColumn ?? 1 });
    }
    this.index += 1;
    return token;
  }

  protected expect(symbol: string): Token {
    const token = this.next();
    if (token.text !== symbol || token.kind === 'string') this.fail(`expected "${symbol}", got "${token.text}"`, token);
    return token;
  }

  protected expectKind(kind: Token['kind']): Token {
    const token = this.next();
    if (token.kind !== kind) this.fail(`expected ${kind === 'ident' ? 'an identifier' : `a ${kind}`}, got "${token.text}"`, token);
    return token;
  }

  protected fail(message: string, token: Token): never {
    throw new ContractError(message, { pointer: '', file: this.path, line: token.line, column: token.column });
  }
}
