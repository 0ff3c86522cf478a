import type { SchemaSet } from './schema-set.ts';
import { isSchemaObject, type SchemaNode } from './schema-node.ts';

/**
 * The conjuncts of a schema: the node itself plus everything `$ref` and `allOf` add, recursively.
 * Draft-07 ignores the siblings of `$ref`; 2019-09 and later apply both. A reference cycle through
 * `allOf`/`$ref` alone adds nothing new and stops.
 */
export function expandConjuncts(set: SchemaSet, node: SchemaNode, out: SchemaNode[] = [], seen = new Set<string>()): SchemaNode[] {
  if (seen.has(node.id)) return out;
  seen.add(node.id);
  const schema = node.schema;
  if (!isSchemaObject(schema)) {
    out.push(node);
    return out;
  }
  const reference = schema['$ref'];
  if (typeof reference === 'string') {
    const target = set.resolve(node, reference);
    if (node.doc.dialect === 'draft-07') return expandConjuncts(set, target, out, seen);
    expandConjuncts(set, target, out, seen);
  }
  for (const dynamic of ['$recursiveRef', '$dynamicRef']) {
    const value = schema[dynamic];
    // Read as a static reference: exact for the usual single-schema recursion.
    if (typeof value === 'string') expandConjuncts(set, set.resolve(node, value), out, seen);
  }
  out.push(node);
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) allOf.forEach((_, index) => expandConjuncts(set, set.child(node, 'allOf', index), out, seen));
  return out;
}

/** How many writer branches the disjunctive expansion may produce before it over-approximates. */
const BRANCH_LIMIT = 64;

/**
 * The writer as a union of combinator-free branches: each `anyOf`/`oneOf` alternative and each
 * arm of `if/then/else` becomes its own branch. Widening the writer is always sound for a subset
 * check, so `oneOf` is read as `anyOf`, the `else` arm drops "not if", `not` is ignored, and past
 * the branch limit the remaining combinators are dropped; counterexamples are verified afterwards.
 */
export function writerBranches(set: SchemaSet, conjuncts: SchemaNode[]): SchemaNode[][] {
  const results: SchemaNode[][] = [];
  const expandFrom = (list: SchemaNode[], start: number): void => {
    for (let index = start; index < list.length; index++) {
      const schema = list[index]!.schema;
      if (!isSchemaObject(schema)) continue;
      const node = list[index]!;
      const alternatives: SchemaNode[][] = [];
      for (const keyword of ['anyOf', 'oneOf']) {
        const options = schema[keyword];
        if (!Array.isArray(options)) continue;
        // a branch handed back in (a slice being re-checked) has this choice made already
        if (options.some((_, i) => list.some((n) => n.id === set.child(node, keyword, i).id))) continue;
        if (alternatives.length > 0) {
          // a second combinator on the same node: cross product
          const crossed: SchemaNode[][] = [];
          for (const existing of alternatives) for (let i = 0; i < options.length; i++) crossed.push([...existing, ...expandConjuncts(set, set.child(node, keyword, i))]);
          alternatives.splice(0, alternatives.length, ...crossed);
        } else {
          for (let i = 0; i < options.length; i++) alternatives.push(expandConjuncts(set, set.child(node, keyword, i)));
        }
      }
      const decided = list.some((n) => n.id === `${node.id}/if` || n.id === `${node.id}/else`);
      if ('if' in schema && ('then' in schema || 'else' in schema) && !decided) {
        const ifThen = [...expandConjuncts(set, set.child(node, 'if')), ...('then' in schema ? expandConjuncts(set, set.child(node, 'then')) : [])];
        const otherwise = 'else' in schema ? expandConjuncts(set, set.child(node, 'else')) : [];
        const arms = [ifThen, otherwise];
        if (alternatives.length === 0) alternatives.push(...arms);
        else alternatives.splice(0, alternatives.length, ...alternatives.flatMap((existing) => arms.map((arm) => [...existing, ...arm])));
      }
      if (alternatives.length === 0) continue;
      if (results.length + alternatives.length > BRANCH_LIMIT) continue; // over-approximate: drop this combinator
      for (const alternative of alternatives) expandFrom([...list, ...alternative.filter((n) => !list.includes(n))], index + 1);
      return;
    }
    results.push(list);
  };
  expandFrom(conjuncts, 0);
  return results;
}
