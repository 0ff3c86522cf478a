import { childOf, entriesOf, isObject, itemsOf, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import type { FindingSink } from './finding-sink.ts';

type Requirement = ReadonlyMap<string, readonly string[]>;

/**
 * Security requirements are alternatives (any one suffices) of sets of schemes (all needed). A
 * client that authenticated one way before must still find an alternative asking no more of it:
 * no scheme it did not use, no scope it was not granted.
 */
export function compareSecurity(sink: FindingSink, subject: string, before: Located | undefined, after: Located | undefined): void {
  const bAlternatives = requirementsOf(before);
  const aAlternatives = requirementsOf(after);
  for (const requirement of bAlternatives) {
    if (aAlternatives.some((candidate) => satisfiedBy(requirement, candidate))) continue;
    const sameSchemes = aAlternatives.find((candidate) => [...candidate.keys()].every((scheme) => requirement.has(scheme)));
    if (sameSchemes) {
      for (const [scheme, scopes] of sameSchemes) {
        const granted = new Set(requirement.get(scheme) ?? []);
        const extra = scopes.filter((scope) => !granted.has(scope));
        if (extra.length > 0) sink.add('SECURITY_SCOPE_NO_ADD', subject, { scheme, scopes: extra }, before, after);
      }
      continue;
    }
    sink.add('SECURITY_REQUIREMENT_NO_NARROW', subject, { requirement: describe(requirement) }, before, after ?? before);
  }
}

/** Schemes used before whose definition changed in a way clients notice. */
export function compareSecuritySchemes(sink: FindingSink, before: OpenApiDocument, after: OpenApiDocument, used: ReadonlySet<string>): void {
  const bSchemes = schemesOf(before);
  const aSchemes = schemesOf(after);
  for (const name of used) {
    const b = bSchemes.get(name);
    const a = aSchemes.get(name);
    if (!b || !a || !isObject(b.node) || !isObject(a.node)) continue;
    for (const field of ['type', 'in', 'name', 'scheme']) {
      const bv = b.node[field];
      const av = a.node[field];
      if (bv !== undefined && String(bv).toLowerCase() !== String(av ?? '').toLowerCase()) {
        sink.add('SECURITY_SCHEME_NO_CHANGE', `security scheme ${name}`, { scheme: name, field, before: bv, after: av ?? 'none' }, b, a);
      }
    }
  }
}

export function requirementsOf(at: Located | undefined): Requirement[] {
  if (!at || !Array.isArray(at.node)) return [new Map()];
  const out: Requirement[] = [];
  for (const item of itemsOf(at)) {
    const requirement = new Map<string, readonly string[]>();
    for (const [scheme, scopes] of entriesOf(item)) requirement.set(scheme, Array.isArray(scopes.node) ? scopes.node.map(String) : []);
    out.push(requirement);
  }
  return out;
}

function satisfiedBy(held: Requirement, candidate: Requirement): boolean {
  for (const [scheme, scopes] of candidate) {
    const granted = held.get(scheme);
    if (!granted) return false;
    if (scopes.some((scope) => !granted.includes(scope))) return false;
  }
  return true;
}

function describe(requirement: Requirement): string {
  if (requirement.size === 0) return 'no credentials';
  return [...requirement].map(([scheme, scopes]) => (scopes.length > 0 ? `${scheme} (${scopes.join(' ')})` : scheme)).join(' + ');
}

function schemesOf(doc: OpenApiDocument): Map<string, Located> {
  const container = doc.version === '2.0' ? childOf(doc.root, 'securityDefinitions') : childOf(childOf(doc.root, 'components') ?? { file: '', pointer: '', node: undefined }, 'securitySchemes');
  return new Map(entriesOf(container).map(([name, at]) => [name, doc.resolve(at)]));
}
