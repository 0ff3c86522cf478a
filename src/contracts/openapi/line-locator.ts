/**
 * Finds the lines of JSON pointers in the text a document was parsed from. Lines are looked up in
 * batches (the pointers a set of findings needs) by one pass over the text that descends only into
 * the parts those pointers lead to and skips everything else: a tokenizer for JSON, an indentation
 * scanner for block-style YAML. A pointer it cannot place (flow-style YAML, anchors) falls back to
 * its nearest placed ancestor.
 */
export class LineLocator {
  private readonly known = new Map<string, number>();

  constructor(private readonly text: string) {}

  lineOf(pointer: string): number | undefined {
    if (!this.known.has(pointer)) this.locate([pointer]);
    return this.known.get(pointer);
  }

  /** Places many pointers in one pass over the text. */
  locate(pointers: readonly string[]): void {
    const wanted = pointers.filter((pointer) => !this.known.has(pointer));
    if (wanted.length === 0) return;
    const trie = new TrieNode();
    for (const pointer of wanted) {
      let node = trie;
      for (const segment of pointer === '' ? [] : pointer.slice(1).split('/')) node = node.child(unescape(segment));
    }
    const found = new Map<TrieNode, number>([[trie, 1]]);
    if (/^\s*[{[]/.test(this.text)) scanJson(this.text, trie, found);
    else scanYaml(this.text, trie, found);
    for (const pointer of wanted) {
      let node = trie;
      let line = 1;
      for (const segment of pointer === '' ? [] : pointer.slice(1).split('/')) {
        node = node.children.get(unescape(segment))!;
        const here = found.get(node);
        if (here === undefined) break;
        line = here;
      }
      this.known.set(pointer, line);
    }
  }
}

function unescape(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

class TrieNode {
  readonly children = new Map<string, TrieNode>();
  child(key: string): TrieNode {
    let node = this.children.get(key);
    if (!node) {
      node = new TrieNode();
      this.children.set(key, node);
    }
    return node;
  }
}

interface Frame {
  readonly indent: number;
  readonly node: TrieNode | undefined;
  readonly sequence: boolean;
  index: number;
  /** Trie node of the last key or item opened in this frame: the container of deeper lines. */
  last: TrieNode | undefined;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\-?][^#]*?|-[^\s][^#]*?))\s*:(?:\s+(.*))?$/;

/**
 * Counts lines up to an offset, carrying on from the last offset asked for: the scanners ask in
 * text order, so the whole text is counted once, with `indexOf`, however much of it they skip.
 */
class LineCounter {
  private line = 1;
  private counted = 0;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    for (let i = this.text.indexOf('\n', this.counted); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.line++;
      this.counted = i + 1;
    }
    return this.line;
  }
}

/** Per indentation: finds the next line indented at most that much that is not blank. */
const SHALLOW_LINE: RegExp[] = [];
function shallowLine(indent: number): RegExp {
  return (SHALLOW_LINE[indent] ??= new RegExp(`\\n {0,${indent}}[^ \\n]`, 'g'));
}

function scanYaml(text: string, trie: TrieNode, found: Map<TrieNode, number>): void {
  const stack: Frame[] = [{ indent: -1, node: trie, sequence: false, index: 0, last: trie }];
  const lines = new LineCounter(text);
  let skipDeeperThan = -1;
  let position = 0;
  while (position <= text.length) {
    if (skipDeeperThan >= 0 && position > 0) {
      // jump over the deeper lines natively instead of visiting each one
      const shallow = shallowLine(skipDeeperThan);
      shallow.lastIndex = position - 1;
      const next = shallow.exec(text);
      if (!next) return;
      position = next.index + 1;
    }
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    let indent = 0;
    while (position + indent < end && text.charCodeAt(position + indent) === 32) indent++;
    const start = position + indent;
    const lineStart = position;
    position = end + 1;
    const first = text.charCodeAt(start);
    if (start >= end || first === 35 /* # */ || first === 13) continue;
    if (skipDeeperThan >= 0) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    let content = text.slice(start, end).replace(/\r$/, '');
    if (content.startsWith('---') || content.startsWith('...')) continue;
    let column = indent;
    let skipped = false;
    while (content.startsWith('- ') || content === '-') {
      while (stack.length > 1 && stack[stack.length - 1]!.indent > column) stack.pop();
      let top = stack[stack.length - 1]!;
      if (!(top.sequence && top.indent === column)) {
        top = { indent: column, node: top.last, sequence: true, index: -1, last: top.last };
        stack.push(top);
      }
      top.index += 1;
      top.last = top.node?.children.get(String(top.index));
      if (!top.last) {
        skipDeeperThan = column;
        skipped = true;
        break;
      }
      found.set(top.last, lines.lineAt(lineStart));
      const rest = content.slice(1).trimStart();
      column += content.length - rest.length;
      content = rest;
      if (content === '') break;
    }
    if (skipped) continue;
    const key = KEY.exec(content);
    if (!key) continue;
    while (stack.length > 1 && (stack[stack.length - 1]!.indent > column || (stack[stack.length - 1]!.indent === column && stack[stack.length - 1]!.sequence))) stack.pop();
    let top = stack[stack.length - 1]!;
    if (top.indent !== column) {
      top = { indent: column, node: top.last, sequence: false, index: 0, last: top.last };
      stack.push(top);
    }
    const name = key[1] !== undefined ? key[1].replace(/\\(.)/g, '$1') : key[2] !== undefined ? key[2].replace(/''/g, "'") : key[3]!.trim();
    top.last = top.node?.children.get(name);
    const value = key[4]?.trim() ?? '';
    if (top.last && !found.has(top.last)) found.set(top.last, lines.lineAt(lineStart));
    // an unwanted key, a block scalar or a multi-line plain or flow value: deeper lines are not ours to read
    if (!top.last || (value !== '' && !value.startsWith('&') && !value.startsWith('#'))) skipDeeperThan = column;
  }
}

function scanJson(text: string, trie: TrieNode, found: Map<TrieNode, number>): void {
  const lines = new LineCounter(text);
  const lineAt = (offset: number): number => lines.lineAt(offset);
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j < 0) return text.length;
      let slashes = 0;
      while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) return j;
      j++;
    }
  };
  const skipValue = (): void => {
    skipSpace();
    let depth = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) i = stringEnd(i) + 1;
      else if (c === 123 || c === 91) {
        depth++;
        i++;
      } else if (c === 125 || c === 93) {
        if (depth === 0) return;
        depth--;
        i++;
        if (depth === 0) return;
      } else if (c === 44 && depth === 0) return;
      else i++;
    }
  };
  const walk = (node: TrieNode): void => {
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      for (;;) {
        skipSpace();
        if (text.charCodeAt(i) === 125 || i >= text.length) {
          i++;
          return;
        }
        if (text.charCodeAt(i) === 44) {
          i++;
          continue;
        }
        const keyEnd = stringEnd(i);
        const raw = text.slice(i + 1, keyEnd);
        const child = node.children.get(raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw);
        if (child) found.set(child, lineAt(i));
        i = keyEnd + 1;
        skipSpace();
        i++; // the colon
        if (child && child.children.size > 0) walk(child);
        else skipValue();
      }
    } else if (c === 91) {
      i++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text.charCodeAt(i) === 93 || i >= text.length) {
          i++;
          return;
        }
        if (text.charCodeAt(i) === 44) {
          i++;
          index--;
          continue;
        }
        const child = node.children.get(String(index));
        if (child) found.set(child, lineAt(i));
        if (child && child.children.size > 0) walk(child);
        else skipValue();
      }
    } else skipValue();
  };
  walk(trie);
}
