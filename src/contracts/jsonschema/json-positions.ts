import { escapePointer } from './schema-node.ts';

/**
 * JSON pointer -> line and column (1-based) of every value in a JSON text; for object members the
 * position of the key. A single linear scan, much cheaper than a position-keeping parser on large
 * documents. Expects text that `JSON.parse` accepted.
 */
export function jsonPositions(text: string): Map<string, { line: number; column: number }> {
  const positions = new Map<string, { line: number; column: number }>();
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const here = () => ({ line, column: index - lineStart + 1 });
  const skip = (): void => {
    for (;;) {
      const char = text.charCodeAt(index);
      if (char === 10) {
        line++;
        lineStart = index + 1;
      } else if (char !== 32 && char !== 9 && char !== 13) return;
      index++;
    }
  };
  const readString = (): string => {
    const start = index;
    index++;
    while (index < text.length) {
      const char = text.charCodeAt(index);
      if (char === 92) index += 2;
      else if (char === 34) break;
      else index++;
    }
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const value = (pointer: string, at?: { line: number; column: number }): void => {
    skip();
    positions.set(pointer, at ?? here());
    const char = text[index];
    if (char === '{') {
      index++;
      skip();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        skip();
        const keyAt = here();
        const key = readString();
        skip();
        index++; // ':'
        value(`${pointer}/${escapePointer(key)}`, keyAt);
        skip();
        if (text[index++] === '}') return;
      }
    }
    if (char === '[') {
      index++;
      skip();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (let item = 0; ; item++) {
        value(`${pointer}/${item}`);
        skip();
        if (text[index++] === ']') return;
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    while (index < text.length && !',}] \t\r\n'.includes(text[index]!)) index++;
  };
  value('');
  return positions;
}
