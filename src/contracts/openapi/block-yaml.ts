import { SHARE_MAX_INDENT, SHARE_MIN_LENGTH, SharedBlocks, shallowLine } from './shared-blocks.ts';
import { closingDouble, DECLINE, flowItems, plainLine, resolvePlain, SPACE, unescapeDouble } from './yaml-scalars.ts';

export { SharedBlocks };

/**
 * A fast reader for the block-style YAML that published OpenAPI specs and YAML dumpers write:
 * nested block mappings and sequences, plain, quoted and block (`|`, `>`) scalars, `[]` and `{}`.
 * It gives exactly the value js-yaml's `load(text, { json: true, schema: CORE_SCHEMA })` gives,
 * in a fraction of the time, because it works a line at a time with `indexOf` and `slice`
 * instead of a character at a time. Anything outside that subset (anchors, tags, flow
 * collections with content, comments after values, tabs, CRs, multi-line double-quoted
 * strings, odd indentation, errors of any kind) makes it decline by returning `undefined`, and
 * the caller parses the text with js-yaml, which also gives the error messages.
 */
export function readBlockYaml(input: string, shared?: SharedBlocks): { value: unknown } | undefined {
  if (OUTSIDE_SUBSET.test(input)) return undefined;
  if (SURROGATE.test(input) && NON_PRINTABLE.test(input)) return undefined;
  // js-yaml reads the text as if it ended with a line break; so does this reader
  const text = input.endsWith('\n') ? input : `${input}\n`;
  try {
    return { value: new Reader(text, shared).document() };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Characters js-yaml rejects or treats in ways this reader does not follow (tabs, CR, BOM). */
const OUTSIDE_SUBSET = /[\x00-\x08\x09\x0B\x0C\x0D\x0E-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
/** js-yaml's own test for lone surrogates, run only when the text has surrogates at all. */
const NON_PRINTABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

const DASH = 45;
const HASH = 35;
const COLON = 58;
const SINGLE = 39;
const DOUBLE = 34;
const BACKSLASH = 92;
/** Characters a plain scalar may not start with (YAML's indicators); `-` is handled apart. */
const INDICATORS = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

class Reader {
  /** The current content line: where the line starts, its first non-space offset, its end (a `\n`). */
  private lineStart = 0;
  private start = 0;
  private end = 0;
  /** Column of `start`; inside `- ` items it is the column after the dash. */
  private indent = 0;
  private atEnd = false;

  constructor(
    private readonly text: string,
    private readonly shared?: SharedBlocks,
  ) {}

  document(): unknown {
    this.seek(this.text.startsWith('---\n') ? 4 : 0);
    if (this.atEnd || this.indent !== 0 || this.isItem() || this.keyColon() < 0) throw DECLINE;
    const value = this.mapping(0);
    if (!this.atEnd) throw DECLINE;
    return value;
  }

  /** Moves to the first line at or after `offset` that is neither blank nor a comment. */
  private seek(offset: number): void {
    const text = this.text;
    let at = offset;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      let start = at;
      while (text.charCodeAt(start) === SPACE) start++;
      if (start !== end && text.charCodeAt(start) !== HASH) {
        if (start === at && (text.startsWith('---', at) || text.startsWith('...', at))) throw DECLINE;
        this.lineStart = at;
        this.start = start;
        this.end = end;
        this.indent = start - at;
        return;
      }
      at = end + 1;
    }
    this.atEnd = true;
    this.indent = -1;
  }

  private next(): void {
    this.seek(this.end + 1);
  }

  private isItem(): boolean {
    return this.text.charCodeAt(this.start) === DASH && (this.start + 1 === this.end || this.text.charCodeAt(this.start + 1) === SPACE);
  }

  /** The offset of the `:` that ends a mapping key on the current line, or -1 when the line is no key. */
  private keyColon(): number {
    const text = this.text;
    const first = text.charCodeAt(this.start);
    let from = this.start;
    if (first === DOUBLE || first === SINGLE) {
      from = this.quotedEnd(this.start) + 1;
      while (text.charCodeAt(from) === SPACE) from++;
      return text.charCodeAt(from) === COLON && (from + 1 === this.end || text.charCodeAt(from + 1) === SPACE) ? from : -1;
    }
    if (INDICATORS.has(first) || (first === DASH && this.isItem())) return -1;
    for (let i = text.indexOf(':', from); i >= 0 && i < this.end; i = text.indexOf(':', i + 1)) {
      if (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE) return i;
    }
    return -1;
  }

  /** A node whose first line is the current one, inside a collection indented at `parent`. */
  private node(parent: number): unknown {
    if (this.isItem()) return this.sequence(this.indent);
    if (this.keyColon() >= 0) return this.mapping(this.indent);
    return this.scalar(this.start, parent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (!this.atEnd && this.indent === indent) {
      const colon = this.keyColon();
      if (colon < 0) throw DECLINE;
      const key = this.key(colon);
      let at = colon + 1;
      while (this.text.charCodeAt(at) === SPACE) at++;
      if (at < this.end) out[key] = this.scalar(at, indent);
      else if (!this.shared || indent > SHARE_MAX_INDENT || !this.sharedBlock(out, key, indent)) {
        this.next();
        out[key] = this.valueBelow(indent);
      }
    }
    if (!this.atEnd && this.indent > indent) throw DECLINE;
    return out;
  }

  /** The value of a `key:` with nothing after the colon, from the lines below it. */
  private valueBelow(indent: number): unknown {
    if (!this.atEnd && this.indent > indent) return this.node(indent);
    if (!this.atEnd && this.indent === indent && this.isItem()) return this.sequence(indent);
    if (!this.atEnd && this.indent < indent && this.isItem()) throw DECLINE; // as for empty items
    return null;
  }

  /**
   * Reads the block under `key:` (the lines indented deeper than `indent`) through the shared
   * blocks: reuses the value of an identical block, or reads it and records it. Returns false,
   * having read nothing, when the block is too small to share.
   */
  private sharedBlock(out: Record<string, unknown>, key: string, indent: number): boolean {
    const text = this.text;
    const shallow = shallowLine(indent);
    shallow.lastIndex = this.end;
    const boundary = shallow.exec(text);
    const blockStart = this.end + 1;
    const blockEnd = boundary ? boundary.index + 1 : text.length;
    if (blockEnd - blockStart < SHARE_MIN_LENGTH) return false;
    let next = blockEnd;
    while (text.charCodeAt(next) === SPACE) next++;
    const item = text.charCodeAt(next) === DASH && (text.charCodeAt(next + 1) === SPACE || text.charCodeAt(next + 1) === 10);
    const context = boundary ? `${indent} ${next - blockEnd}${item ? ' item' : ''}` : `${indent} end`;
    let blocks = this.shared!.byContext.get(context);
    if (!blocks) this.shared!.byContext.set(context, (blocks = new Map()));
    const block = text.slice(blockStart, blockEnd);
    if (blocks.has(block)) {
      out[key] = blocks.get(block);
      this.seek(blockEnd);
      return true;
    }
    this.next();
    const nested = !this.atEnd && this.indent > indent;
    const value = this.valueBelow(indent);
    out[key] = value;
    // recorded only for a nested node read exactly up to the boundary (a comment line there, for one, is skipped past)
    if (nested && (boundary ? !this.atEnd && this.lineStart === blockEnd : this.atEnd)) blocks.set(block, value);
    return true;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (!this.atEnd && this.indent === indent && this.isItem()) {
      let at = this.start + 1;
      while (this.text.charCodeAt(at) === SPACE) at++;
      if (at === this.end) {
        this.next();
        // js-yaml lets a shallower `- ` line after an empty item join the inner sequence
        if (!this.atEnd && this.indent < indent && this.isItem()) throw DECLINE;
        out.push(!this.atEnd && this.indent > indent ? this.node(indent) : null);
        continue;
      }
      // the item's content starts on the dash's line: read it as a node at that column
      this.start = at;
      this.indent = at - this.lineStart;
      // js-yaml reads `- - x` sequences with empty items in its own way; specs do not use them
      if (this.isItem()) throw DECLINE;
      if (this.keyColon() >= 0) out.push(this.mapping(this.indent));
      else out.push(this.scalar(at, indent));
    }
    if (!this.atEnd && this.indent > indent) throw DECLINE;
    return out;
  }

  private key(colon: number): string {
    const text = this.text;
    const first = text.charCodeAt(this.start);
    let key: unknown;
    if (first === DOUBLE || first === SINGLE) {
      const close = this.quotedEnd(this.start);
      key = first === DOUBLE ? unescapeDouble(text.slice(this.start + 1, close)) : text.slice(this.start + 1, close).replaceAll("''", "'");
    } else {
      const raw = text.slice(this.start, colon);
      if (raw.endsWith(' ') || raw.includes(' #')) throw DECLINE;
      key = resolvePlain(raw);
    }
    const name = String(key);
    if (name === '__proto__' || name === '<<') throw DECLINE;
    return name;
  }

  /** The offset of the quote that closes the one at `open`, on the same line. */
  private quotedEnd(open: number): number {
    const text = this.text;
    const quote = text.charCodeAt(open);
    for (let i = open + 1; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (quote === DOUBLE && c === BACKSLASH) i++;
      else if (c === quote) {
        if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
        else return i;
      }
    }
    throw DECLINE;
  }

  /** A scalar starting at `at` on the current line, inside a collection indented at `parent`; moves past it. */
  private scalar(at: number, parent: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === DOUBLE || first === SINGLE) return this.quoted(at, parent);
    if (first === 124 /* | */ || first === 62 /* > */) return this.blockScalar(at, parent);
    if (first === 123 /* { */) {
      if (text.charCodeAt(at + 1) !== 125) throw DECLINE;
      this.finishLine(at + 2, parent);
      return {};
    }
    if (first === 91 /* [ */) {
      const close = text.indexOf(']', at);
      if (close < 0 || close > this.end) throw DECLINE;
      const items = flowItems(text.slice(at + 1, close));
      this.finishLine(close + 1, parent);
      return items;
    }
    if (INDICATORS.has(first) || (first === DASH && (at + 1 === this.end || text.charCodeAt(at + 1) === SPACE))) throw DECLINE;
    return this.plain(at, parent);
  }

  /** After a closed scalar: only spaces may follow on its line, and no deeper line may follow it. */
  private finishLine(from: number, parent: number): void {
    for (let i = from; i < this.end; i++) if (this.text.charCodeAt(i) !== SPACE) throw DECLINE;
    this.next();
    if (!this.atEnd && this.indent > parent) throw DECLINE;
  }

  /** A plain scalar, folded over more-indented continuation lines, then typed as js-yaml types it. */
  private plain(at: number, parent: number): unknown {
    const text = this.text;
    let value = plainLine(text, at, this.end);
    let lineStart = this.end + 1;
    let breaks = 1;
    while (lineStart < text.length) {
      const end = text.indexOf('\n', lineStart);
      let start = lineStart;
      while (text.charCodeAt(start) === SPACE) start++;
      if (start === end) {
        breaks++;
        lineStart = end + 1;
        continue;
      }
      if (start - lineStart <= parent) break;
      const c = text.charCodeAt(start);
      if (c === HASH || (c === DASH && text.charCodeAt(start + 1) === SPACE)) throw DECLINE;
      value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
      value += plainLine(text, start, end);
      breaks = 1;
      lineStart = end + 1;
    }
    this.seek(lineStart);
    return resolvePlain(value);
  }

  /** A quoted scalar; over several lines it folds the way js-yaml does. */
  private quoted(open: number, parent: number): string {
    const text = this.text;
    const double = text.charCodeAt(open) === DOUBLE;
    let value = '';
    let from = open + 1;
    let end = this.end;
    for (;;) {
      const close = double ? closingDouble(text, from, end) : text.indexOf("'", from);
      if (close >= 0 && close < end) {
        if (!double && text.charCodeAt(close + 1) === SINGLE) {
          value += `${text.slice(from, close)}'`;
          from = close + 2;
          continue;
        }
        value += double ? unescapeDouble(text.slice(from, close)) : text.slice(from, close);
        this.end = end;
        this.finishLine(close + 1, parent);
        return value;
      }
      // the line ends inside the quotes: js-yaml keeps trailing spaces here and joins escaped breaks
      const lastChar = text.charCodeAt(end - 1);
      if (lastChar === SPACE || (double && lastChar === BACKSLASH)) throw DECLINE;
      value += double ? unescapeDouble(text.slice(from, end)) : text.slice(from, end);
      let breaks = 1;
      let lineStart = end + 1;
      for (;;) {
        if (lineStart >= text.length) throw DECLINE;
        end = text.indexOf('\n', lineStart);
        from = lineStart;
        while (text.charCodeAt(from) === SPACE) from++;
        if (from !== end) break;
        breaks++;
        lineStart = end + 1;
      }
      if (from - lineStart <= parent) throw DECLINE;
      value += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    }
  }

  /** A literal (`|`) or folded (`>`) block scalar, read line by line with js-yaml's folding and chomping. */
  private blockScalar(at: number, parent: number): string {
    const text = this.text;
    const header = text.slice(at, this.end).trimEnd();
    if (header.length > 2 || (header.length === 2 && header[1] !== '-' && header[1] !== '+')) throw DECLINE;
    const folding = header[0] === '>';
    const chomping = header[1] ?? '';
    let textIndent = -1;
    let emptyLines = 0;
    let didRead = false;
    let moreIndented = false;
    let value = '';
    let lineStart = this.end + 1;
    while (lineStart < text.length) {
      const end = text.indexOf('\n', lineStart);
      let spaces = 0;
      const limit = textIndent < 0 ? end - lineStart : textIndent;
      while (spaces < limit && text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
      const contentAt = lineStart + spaces;
      if (contentAt === end) {
        if (!didRead) throw DECLINE; // leading blank lines set the indentation in ways not followed here
        emptyLines++;
        lineStart = end + 1;
        continue;
      }
      if (textIndent < 0) {
        if (spaces <= parent) break;
        textIndent = spaces;
      }
      if (spaces < textIndent) break;
      if (folding) {
        if (text.charCodeAt(contentAt) === SPACE) {
          moreIndented = true;
          value += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
        } else if (moreIndented) {
          moreIndented = false;
          value += '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didRead) value += ' ';
        } else value += '\n'.repeat(emptyLines);
      } else value += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
      value += text.slice(contentAt, end);
      didRead = true;
      emptyLines = 0;
      lineStart = end + 1;
    }
    if (chomping === '+') value += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
    else if (chomping === '' && didRead) value += '\n';
    this.seek(lineStart);
    if (!this.atEnd && this.indent > parent) throw DECLINE;
    return value;
  }
}
