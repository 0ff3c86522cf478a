import type { SchemaSet } from './schema-set.ts';
import type { InstanceVerifier } from './instance-verifier.ts';
import { expandConjuncts } from './expand-conjuncts.ts';
import { SchemaView, sameValue } from './schema-view.ts';
import { primitiveAccepts } from './primitive-accepts.ts';
import type { SchemaNode } from './schema-node.ts';

/**
 * Whether no instance satisfies both the writer branch and the reader schema `other`, by what can
 * be proved cheaply: disjoint kinds, enum values, ranges, or a shared property whose values are
 * disjoint (a discriminator). False means "not proved", not "overlapping".
 */
export function provablyDisjoint(
  writerSet: SchemaSet,
  writer: readonly SchemaNode[],
  readerSet: SchemaSet,
  other: SchemaNode,
  readerVerifier: InstanceVerifier,
  depth = 0,
): boolean {
  if (depth > 6) return false;
  const w = new SchemaView(writerSet, writer.flatMap((n) => expandConjuncts(writerSet, n)));
  const r = new SchemaView(readerSet, expandConjuncts(readerSet, other));
  if (w.impossible || r.impossible) return true;
  if (w.values) {
    const conjuncts = expandConjuncts(readerSet, other);
    const local = !conjuncts.some(hasCombinatorsOtherThanRefs);
    return w.values.every((v) => (local && (v === null || typeof v !== 'object') ? !primitiveAccepts(r, v) : readerVerifier.accepts(other, v) === false));
  }
  const common = [...w.kinds].filter((k) => r.kinds.has(k));
  if (common.length === 0) return true;
  if (r.values && r.values.every((v) => (typeof v === 'object' && v !== null ? false : !primitiveAccepts(w, v)))) return true;
  return common.every((kind) => {
    if (kind === 'integer' || kind === 'fraction') {
      if (w.upper && r.lower && (w.upper.value < r.lower.value || (w.upper.value === r.lower.value && (w.upper.exclusive || r.lower.exclusive)))) return true;
      if (r.upper && w.lower && (r.upper.value < w.lower.value || (r.upper.value === w.lower.value && (r.upper.exclusive || w.lower.exclusive)))) return true;
      return false;
    }
    if (kind === 'object') {
      for (const name of new Set([...w.required, ...r.required])) {
        const wNodes = w.propertyNodes(name);
        const rNodes = r.propertyNodes(name);
        if (r.required.has(name) && wNodes.some((n) => n.schema === false)) return true;
        if (w.required.has(name) && rNodes.some((n) => n.schema === false)) return true;
        if (rNodes.some((n) => provablyDisjoint(writerSet, wNodes, readerSet, n, readerVerifier, depth + 1))) return true;
      }
      return false;
    }
    return false;
  });
}

function hasCombinatorsOtherThanRefs(node: SchemaNode): boolean {
  const s = node.schema;
  return typeof s === 'object' && ['anyOf', 'oneOf', 'not', 'if', '$dynamicRef', '$recursiveRef'].some((k) => s[k] !== undefined);
}

export { sameValue };
