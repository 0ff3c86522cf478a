import { childOf, isObject, itemsOf, type Located } from './located.ts';
import { OpenApiDocument } from './openapi-document.ts';

export interface Alternatives {
  readonly keyword: 'oneOf' | 'anyOf';
  readonly branches: readonly Located[];
}

/**
 * The oneOf/anyOf alternatives of a schema with `{type: 'null'}` branches taken out: those are a
 * spelling of nullable (3.1's `anyOf: [X, {type: 'null'}]`), handled with the other two spellings.
 */
export function alternativesOf(doc: OpenApiDocument, at: Located): { alternatives?: Alternatives; nullBranch: boolean; single?: Located } {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = itemsOf(childOf(at, keyword));
    if (list.length === 0) continue;
    const branches = list.filter((branch) => !isNullSchema(doc.resolve(branch).node));
    const nullBranch = branches.length < list.length;
    if (branches.length === 1 && nullBranch) return { nullBranch, single: branches[0]! };
    if (branches.length === 0) return { nullBranch };
    return { alternatives: { keyword, branches }, nullBranch };
  }
  return { nullBranch: false };
}

function isNullSchema(node: unknown): boolean {
  return isObject(node) && (node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null'));
}

/** How a branch is named in messages: its `$ref` target name, else its title, else its position. */
export function branchLabel(at: Located, index: number): string {
  const ref = OpenApiDocument.refOf(at);
  if (ref) return ref.slice(ref.lastIndexOf('/') + 1);
  if (isObject(at.node) && typeof at.node.title === 'string') return at.node.title;
  return `#${index}`;
}

/**
 * Pairs branches of two alternative lists: first by `$ref` name, then by title, then by content
 * (the same type and the most shared property names). Returns before-index -> after-index.
 */
export function matchBranches(before: OpenApiDocument, after: OpenApiDocument, b: readonly Located[], a: readonly Located[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pass = (key: (doc: OpenApiDocument, at: Located) => string | undefined): void => {
    for (let i = 0; i < b.length; i++) {
      if (pairs.has(i)) continue;
      const bk = key(before, b[i]!);
      if (bk === undefined) continue;
      const j = a.findIndex((candidate, index) => !taken.has(index) && key(after, candidate) === bk);
      if (j >= 0) {
        pairs.set(i, j);
        taken.add(j);
      }
    }
  };
  pass((_, at) => {
    const ref = OpenApiDocument.refOf(at);
    return ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
  });
  pass((doc, at) => {
    const node = doc.resolve(at).node;
    return isObject(node) && typeof node.title === 'string' ? `title:${node.title}` : undefined;
  });
  for (let i = 0; i < b.length; i++) {
    if (pairs.has(i)) continue;
    let best = -1;
    let bestScore = 0;
    const bs = shape(before, b[i]!);
    for (let j = 0; j < a.length; j++) {
      if (taken.has(j)) continue;
      const as = shape(after, a[j]!);
      if (as.type !== bs.type) continue;
      const shared = [...bs.names].filter((name) => as.names.has(name)).length;
      const score = bs.names.size + as.names.size === 0 ? 1 : (2 * shared) / (bs.names.size + as.names.size) + 0.01;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (best >= 0 && bestScore >= 0.5) {
      pairs.set(i, best);
      taken.add(best);
    }
  }
  return pairs;
}

function shape(doc: OpenApiDocument, at: Located): { type: string; names: Set<string> } {
  const node = doc.resolve(at).node;
  if (!isObject(node)) return { type: 'any', names: new Set() };
  const names = new Set(isObject(node.properties) ? Object.keys(node.properties) : []);
  if (Array.isArray(node.enum)) for (const value of node.enum) names.add(JSON.stringify(value));
  return { type: JSON.stringify(node.type ?? (names.size > 0 ? 'object' : 'any')), names };
}
