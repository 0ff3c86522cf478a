/**
 * Values of nested blocks by their exact text, shared between the two versions of one document:
 * a revision leaves most of a large spec as it was, so the second reading reuses the values of
 * the blocks the first one read instead of building them again (and whatever is computed per
 * value, such as subtree hashes, is then computed once). A block's value depends only on its
 * text, its indentation and the line after it (how deep, whether a `- ` item), so those are the key.
 * The values are shared, so they must never be mutated; nothing in the engine does.
 */
export class SharedBlocks {
  readonly byContext = new Map<string, Map<string, unknown>>();
}

/** Blocks are shared only near the top (paths, operations, component schemas) and when large enough to pay for the lookup. */
export const SHARE_MAX_INDENT = 6;
export const SHARE_MIN_LENGTH = 256;

/** Per indentation: finds the next line indented at most that much that is not blank. */
const SHALLOW_LINE: RegExp[] = [];
export function shallowLine(indent: number): RegExp {
  return (SHALLOW_LINE[indent] ??= new RegExp(`\\n {0,${indent}}[^ \\n]`, 'g'));
}
