import { unescapePointer } from './schema-node.ts';

/** Object start offset -> the members read so far (key and value offsets) and where reading stopped. */
export type MemberIndex = Map<number, { offsets: Map<string, { key: number; value: number }>; resume: number; done: boolean }>;

/**
 * Line and column (1-based) of the value at a JSON pointer in a JSON text — for an object member,
 * the position of its key — or of the nearest parent that exists. One scan that steps over every
 * value off the path without building anything, so finding the line of a finding costs a fraction
 * of indexing the whole document. A key written twice resolves to its first occurrence (only a
 * line number is at stake). Pass the same `index_` for every pointer into one text. Expects text
 * that `JSON.parse` accepted.
 */
export function jsonPosition(text: string, pointer: string, index_: MemberIndex = new Map()): { line: number; column: number } {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  let index = 0;
  const skipSpace = (): void => {
    for (;;) {
      const char = text.charCodeAt(index);
      if (char !== 32 && char !== 10 && char !== 9 && char !== 13) return;
      index++;
    }
  };
  const skipString = (): void => {
    index++;
    while (index < text.length) {
      const char = text.charCodeAt(index);
      if (char === 92) index += 2;
      else if (char === 34) break;
      else index++;
    }
    index++;
  };
  /** Steps over one value: strings are skipped whole, so their brackets do not count. */
  const skipValue = (): void => {
    skipSpace();
    const first = text.charCodeAt(index);
    if (first === 34) {
      skipString();
      return;
    }
    if (first !== 123 && first !== 91) {
      while (index < text.length && !',}] \t\r\n'.includes(text[index]!)) index++;
      return;
    }
    let depth = 0;
    while (index < text.length) {
      const char = text.charCodeAt(index);
      if (char === 34) {
        skipString();
        continue;
      }
      if (char === 123 || char === 91) depth++;
      else if (char === 125 || char === 93) {
        depth--;
        if (depth === 0) {
          index++;
          return;
        }
      }
      index++;
    }
  };
  skipSpace();
  let at = index;
  for (const token of tokens) {
    const open = text.charCodeAt(index);
    if (open === 123) {
      // members already passed in this object are remembered, so the next pointer through it
      // does not step over them again
      let members = index_.get(index);
      if (!members) index_.set(index, (members = { offsets: new Map(), resume: index + 1, done: false }));
      let member = members.offsets.get(token);
      if (!member && !members.done) {
        index = members.resume;
        skipSpace();
        while (text.charCodeAt(index) === 34) {
          const keyAt = index;
          skipString();
          const raw = text.slice(keyAt + 1, index - 1);
          const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          skipSpace();
          index++; // ':'
          skipSpace();
          if (!members.offsets.has(key)) members.offsets.set(key, { key: keyAt, value: index });
          if (key === token) {
            // the first occurrence: the rest of the object waits for a later pointer, which starts
            // again at this member
            members.resume = keyAt;
            break;
          }
          skipValue();
          skipSpace();
          if (text.charCodeAt(index) === 44) {
            index++;
            skipSpace();
          }
          members.resume = index;
        }
        member = members.offsets.get(token);
        if (!member) members.done = true;
      }
      if (!member) break;
      at = member.key;
      index = member.value;
    } else if (open === 91) {
      const wanted = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
      let found = -1;
      index++;
      skipSpace();
      for (let item = 0; text.charCodeAt(index) !== 93 && index < text.length; item++) {
        if (item === wanted) {
          found = index;
          break;
        }
        skipValue();
        skipSpace();
        if (text.charCodeAt(index) === 44) {
          index++;
          skipSpace();
        }
      }
      if (found < 0) break;
      at = found;
    } else {
      break;
    }
  }
  return positionAt(text, at);
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
