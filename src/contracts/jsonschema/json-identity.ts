/** What an identical pair of JSON values holds that may still make them mean different things. */
export interface Identity {
  /** Every string-valued `$ref` inside, in document order, once each. */
  readonly refs: readonly string[];
  /** Whether `$dynamicRef` or `$recursiveRef` occurs inside (as a key or a string). */
  readonly dynamic: boolean;
}

/**
 * Whether two parsed JSON values are the same text (same keys in the same order, same values), and
 * if so the references inside them. One walk of both that stops at the first difference: this
 * replaces comparing `JSON.stringify` texts, which serialised both whole subtrees at every level.
 */
export function identicalJson(a: unknown, b: unknown): Identity | undefined {
  const refs = new Set<string>();
  const state = { dynamic: false };
  return sameWalk(a, b, refs, state) ? { refs: [...refs], dynamic: state.dynamic } : undefined;
}

function sameWalk(a: unknown, b: unknown, refs: Set<string>, state: { dynamic: boolean }): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (a === '$dynamicRef' || a === '$recursiveRef') state.dynamic = true;
    return a === b;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameWalk(a[index], other[index], refs, state)) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  const otherKeys = Object.keys(right);
  if (keys.length !== otherKeys.length) return false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (key !== otherKeys[index]) return false;
    if (key === '$dynamicRef' || key === '$recursiveRef') state.dynamic = true;
    if (key === '$ref' && typeof left[key] === 'string') refs.add(left[key] as string);
    if (!sameWalk(left[key], right[key], refs, state)) return false;
  }
  return true;
}

