import { ContractError } from '../contract-error.ts';

export type TokenKind = 'ident' | 'number' | 'string' | 'symbol';

/** One lexical token with its 1-based start and end (end column is exclusive, as buf reports it). */
export interface Token {
  readonly kind: TokenKind;
  /** Identifier or symbol text; for strings, the decoded value; for numbers, the literal text. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isIdentStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isIdentPart = (code: number): boolean => isIdentStart(code) || isDigit(code);

/**
 * Splits .proto text into tokens, dropping whitespace and comments. Kept separate from the
 * structural parse because protobufjs' own tokenizer does not report columns, and every finding
 * needs the exact place of the element it names.
 */
export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let column = 1;
  const advance = (): string => {
    const char = text[index++]!;
    if (char === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    return char;
  };
  const fail = (message: string): never => {
    throw new ContractError(message, { pointer: '', file, line, column });
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n' || char === ' ' || char === '\t' || char === '\r' || char === '\f' || char === '\v') {
      advance();
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') advance();
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      advance();
      advance();
      while (index < text.length && !(text[index] === '*' && text[index + 1] === '/')) advance();
      if (index >= text.length) fail('unterminated block comment');
      advance();
      advance();
      continue;
    }
    const startLine = line;
    const startColumn = column;
    const push = (kind: TokenKind, value: string): void => {
      tokens.push({ kind, text: value, line: startLine, column: startColumn, endLine: line, endColumn: column });
    };
    const code = text.charCodeAt(index);
    if (isIdentStart(code)) {
      // Identifiers and numbers never span lines, so the column moves with the index.
      const start = index;
      while (index < text.length && isIdentPart(text.charCodeAt(index))) index += 1;
      column += index - start;
      push('ident', text.slice(start, index));
      continue;
    }
    if (isDigit(code) || (char === '.' && isDigit(text.charCodeAt(index + 1)))) {
      const start = index;
      const hex = char === '0' && (text[index + 1] === 'x' || text[index + 1] === 'X');
      while (index < text.length) {
        const next = text.charCodeAt(index);
        const previous = text[index - 1];
        const exponentSign = (next === 43 || next === 45) && !hex && (previous === 'e' || previous === 'E');
        if (!isIdentPart(next) && next !== 46 && !exponentSign) break;
        index += 1;
      }
      column += index - start;
      push('number', text.slice(start, index));
      continue;
    }
    if (char === '"' || char === "'") {
      advance();
      let value = '';
      while (true) {
        if (index >= text.length || text[index] === '\n') {
          throw new ContractError('unterminated string literal', { pointer: '', file, line: startLine, column: startColumn });
        }
        const next = advance();
        if (next === char) break;
        if (next === '\\') value += readEscape(text, () => advance(), () => text[index], fail);
        else value += next;
      }
      push('string', value);
      continue;
    }
    if ('{}[]()<>;,=.:-+/'.includes(char)) {
      advance();
      push('symbol', char);
      continue;
    }
    fail(`unexpected character ${JSON.stringify(char)}`);
  }
  return tokens;
}

function readEscape(text: string, advance: () => string, peek: () => string | undefined, fail: (m: string) => never): string {
  const char = advance();
  switch (char) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\x07';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': case "'": case '"': case '?': return char;
    case 'x': case 'X': {
      let hex = '';
      while (hex.length < 2 && /[0-9a-fA-F]/.test(peek() ?? '')) hex += advance();
      if (!hex) fail('bad hex escape');
      return String.fromCharCode(parseInt(hex, 16));
    }
    case 'u': case 'U': {
      let hex = '';
      const size = char === 'u' ? 4 : 8;
      while (hex.length < size && /[0-9a-fA-F]/.test(peek() ?? '')) hex += advance();
      const code = parseInt(hex, 16);
      if (hex.length !== size || code > 0x10ffff) fail('bad unicode escape');
      return String.fromCodePoint(code);
    }
    default: {
      if (/[0-7]/.test(char)) {
        let octal = char;
        while (octal.length < 3 && /[0-7]/.test(peek() ?? '')) octal += advance();
        return String.fromCharCode(parseInt(octal, 8) & 0xff);
      }
      void text;
      return fail(`bad escape \\${char}`);
    }
  }
}
