import { isObject, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';

/**
 * Tells cheaply when two schemas cannot differ: their raw text is identical and every `$ref`
 * inside points at targets that are themselves unchanged. Most of a large spec is untouched by a
 * revision, so this lets the comparer skip it without walking it. Hashes are computed once per
 * node (bottom-up, cached by object identity); reference cleanliness is decided coinductively (a
 * cycle of unchanged schemas is unchanged).
 */
/** Keys no comparison reads: text for humans. Their edits must not defeat the shortcut. */
const IGNORED = new Set(['description', 'summary', 'example', 'examples', 'externalDocs']);

const SHORT_STRINGS = new Map<string, number>();

/** A 52-bit string hash (two 32-bit FNV-style lanes), exact in a double; short strings (keys, types) are cached. */
function stringHash(text: string): number {
  if (text.length > 48) return computeHash(text);
  let known = SHORT_STRINGS.get(text);
  if (known === undefined) {
    known = computeHash(text);
    if (SHORT_STRINGS.size < 100_000) SHORT_STRINGS.set(text, known);
  }
  return known;
}

function computeHash(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + (h2 >>> 12);
}

export class UnchangedSubtrees {
  private readonly hashes = new WeakMap<object, number>();
  private readonly cleanNodes = new WeakMap<object, boolean>();
  private readonly cleanRefs = new Map<string, boolean>();

  constructor(
    private readonly before: OpenApiDocument,
    private readonly after: OpenApiDocument,
  ) {}

  unchanged(b: Located, a: Located): boolean {
    if (this.afterFile(b.file) !== a.file) return false;
    // one value on both sides (the parser shares identical blocks) needs no hash
    if (b.node !== a.node && this.hash(b.node) !== this.hash(a.node)) return false;
    return this.clean(b.node, b.file);
  }

  /**
   * The file of the new contract that plays the part of `file` of the old one: the entry files
   * correspond whatever they are called (`stepwise diff old.yaml new.yaml`); the files they
   * reference are keyed relative to the entry, so the same key is the same file.
   */
  private afterFile(file: string): string {
    return file === this.before.source.entry ? this.after.source.entry : file;
  }

  private hash(node: unknown): number {
    if (typeof node !== 'object' || node === null) return stringHash(typeof node === 'string' ? node : String(node) + typeof node);
    const known = this.hashes.get(node);
    if (known !== undefined) return known;
    let h1 = Array.isArray(node) ? 0x811c9dc5 : 0x1b873593;
    let h2 = 0x9747b28c;
    if (Array.isArray(node)) {
      for (const item of node) {
        const h = this.hash(item);
        h1 = Math.imul(h1 ^ (h % 0x100000000), 0x01000193);
        h2 = Math.imul(h2 ^ Math.floor(h / 0x100000000), 0x5bd1e995) ^ h1;
      }
    } else {
      // key order is kept as written: a reordered object only loses the shortcut, never correctness
      for (const key of Object.keys(node)) {
        if (IGNORED.has(key) || (key.startsWith('x-') && key !== 'x-nullable')) continue;
        const k = stringHash(key);
        const h = this.hash((node as Record<string, unknown>)[key]);
        h1 = Math.imul(h1 ^ (k % 0x100000000), 0x01000193);
        h1 = Math.imul(h1 ^ (h % 0x100000000), 0x01000193);
        h2 = Math.imul(h2 ^ Math.floor(h / 0x100000000) ^ Math.floor(k / 0x100000000), 0x5bd1e995) ^ h1;
      }
    }
    const out = (h1 >>> 0) * 0x100000 + (h2 >>> 12);
    this.hashes.set(node, out);
    return out;
  }

  private clean(node: unknown, file: string): boolean {
    if (typeof node !== 'object' || node === null) return true;
    const known = this.cleanNodes.get(node);
    if (known !== undefined) return known;
    let result = true;
    if (isObject(node) && typeof node.$ref === 'string') result = this.refClean(node.$ref, file);
    if (result) {
      for (const child of Object.values(node)) {
        if (!this.clean(child, file)) {
          result = false;
          break;
        }
      }
    }
    this.cleanNodes.set(node, result);
    return result;
  }

  private refClean(ref: string, file: string): boolean {
    const key = `${file}|${ref}`;
    const known = this.cleanRefs.get(key);
    if (known !== undefined) return known;
    this.cleanRefs.set(key, true); // assumed while in progress: a cycle of unchanged schemas is unchanged
    let result: boolean;
    try {
      const b = this.before.resolve({ file, pointer: `$ref:${ref}`, node: { $ref: ref } });
      const a = this.after.resolve({ file: this.afterFile(file), pointer: `$ref:${ref}`, node: { $ref: ref } });
      result = this.afterFile(b.file) === a.file && (b.node === a.node || this.hash(b.node) === this.hash(a.node)) && this.clean(b.node, b.file);
    } catch {
      result = false; // a broken reference on either side is a change the comparer reports
    }
    this.cleanRefs.set(key, result);
    return result;
  }
}
