import { compareSecurity, compareSecuritySchemes, requirementsOf } from './compare-security.ts';
import type { FindingSink } from './finding-sink.ts';
import type { BodyEntry, OperationEntry, ResponseEntry } from './operation-index.ts';
import type { SchemaComparer } from './schema-comparer.ts';
import { compareOperationMeta } from './compare-operation-meta.ts';

/**
 * Walks the operations of the old document and pairs each with the new one by identity (method
 * and path with parameter names erased); everything below is paired the same way: parameters by
 * location and name (path ones by position), responses by status, content by media type.
 */
export function compareOperations(
  sink: FindingSink,
  comparer: SchemaComparer,
  before: ReadonlyMap<string, OperationEntry>,
  after: ReadonlyMap<string, OperationEntry>,
  now: string | undefined,
  consumer = false,
): void {
  const usedSchemes = new Set<string>();
  for (const [key, b] of before) {
    for (const requirement of requirementsOf(b.security)) for (const scheme of requirement.keys()) usedSchemes.add(scheme);
    const a = after.get(key);
    // subjects name the operation as the new document writes it; identity stays the erased key
    const label = b.flipped ? key : `${(a ?? b).method} ${(a ?? b).path}`;
    if (b.flipped) {
      if (a) compareFlipped(sink, comparer, label, b, a);
      continue;
    }
    compareOperationMeta(sink, label, b, a, now, consumer);
    if (!a) continue;
    // a consumer's subset spec that says nothing about credentials expects nothing of them
    if (!consumer || b.security) compareSecurity(sink, label, b.security, a.security);
    compareParameters(sink, comparer, label, b, a);
    compareBodies(sink, comparer, label, b.body, a.body, a, consumer);
    compareResponses(sink, comparer, label, b.responses, a.responses);
  }
  for (const [key, a] of after) if (!before.has(key) && !a.flipped) compareOperationMeta(sink, `${a.method} ${a.path}`, undefined, a, now);
  compareSecuritySchemes(sink, comparer.before, comparer.after, usedSchemes);
}

function compareParameters(sink: FindingSink, comparer: SchemaComparer, label: string, b: OperationEntry, a: OperationEntry): void {
  for (const [key, bp] of b.parameters) {
    const ap = a.parameters.get(key);
    const subject = `${label} ${bp.in} parameter ${ap?.name ?? bp.name}`;
    if (!ap) {
      sink.add('REQUEST_PARAMETER_NO_DELETE', subject, { in: bp.in, name: bp.name }, bp.at, a.at);
      continue;
    }
    if (!bp.required && ap.required) sink.add('REQUEST_PARAMETER_NO_BECOME_REQUIRED', subject, { in: bp.in, name: bp.name }, bp.at, ap.at);
    const bStyle = bp.style ?? defaultStyle(bp.in);
    const aStyle = ap.style ?? defaultStyle(ap.in);
    if (bStyle !== aStyle) sink.add('REQUEST_PARAMETER_STYLE_NO_CHANGE', subject, { in: bp.in, name: bp.name, field: 'style', before: bStyle, after: aStyle }, bp.at, ap.at);
    const bExplode = bp.explode ?? bStyle === 'form';
    const aExplode = ap.explode ?? aStyle === 'form';
    if (bExplode !== aExplode) sink.add('REQUEST_PARAMETER_STYLE_NO_CHANGE', subject, { in: bp.in, name: bp.name, field: 'explode', before: bExplode, after: aExplode }, bp.at, ap.at);
    if (bp.schema && ap.schema) sink.schema(comparer.compare(bp.schema, ap.schema, 'request'), subject, ap.at);
  }
  for (const [key, ap] of a.parameters) {
    if (!b.parameters.has(key) && ap.required) sink.add('REQUEST_PARAMETER_REQUIRED_NO_ADD', `${label} ${ap.in} parameter ${ap.name}`, { in: ap.in, name: ap.name }, b.at, ap.at);
  }
}

/**
 * A callback or webhook: the provider sends the body, so the body may narrow but not widen; the
 * client's answers are read by the provider, so they may widen but not narrow. Removing or adding
 * a callback is the provider's business and not reported.
 */
function compareFlipped(sink: FindingSink, comparer: SchemaComparer, label: string, b: OperationEntry, a: OperationEntry): void {
  for (const [mediaType, bm] of b.body?.content ?? []) {
    const am = a.body?.content.get(mediaType);
    if (bm.schema && am?.schema) sink.schema(comparer.compare(bm.schema, am.schema, 'response'), `${label} request body ${mediaType}`, am.at);
  }
  for (const [status, br] of b.responses) {
    const ar = a.responses.get(status);
    for (const [mediaType, bm] of br.content) {
      const am = ar?.content.get(mediaType);
      if (bm.schema && am?.schema) sink.schema(comparer.compare(bm.schema, am.schema, 'request'), `${label} response ${status} ${mediaType}`, am.at);
    }
  }
}

function defaultStyle(location: string): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/**
 * A removed request media type is breaking when nothing else is accepted, or when a consumer's own
 * contract says it sends that type. Otherwise (a plain diff, other types remain) nobody knows
 * whether any client sends it, so it is a warning; the link check decides per consumer.
 */
function compareBodies(sink: FindingSink, comparer: SchemaComparer, key: string, b: BodyEntry | undefined, a: BodyEntry | undefined, op: OperationEntry, consumer: boolean): void {
  const subject = `${key} request body`;
  if (!b) {
    if (a?.required) sink.add('REQUEST_BODY_REQUIRED_NO_ADD', subject, {}, op.at, a.at);
    return;
  }
  if (!a) return;
  if (!b.required && a.required) sink.add('REQUEST_BODY_NO_BECOME_REQUIRED', subject, {}, b.at, a.at);
  for (const [mediaType, bm] of b.content) {
    const am = a.content.get(mediaType) ?? wildcardMatch(a.content, mediaType);
    if (!am) {
      // clients had a choice only if some type they could already send is still accepted
      const remaining = [...a.content.keys()].filter((type) => b.content.has(type));
      if (consumer || remaining.length === 0) sink.add('REQUEST_MEDIA_TYPE_NO_DELETE', subject, { mediaType }, bm.at, a.at);
      else sink.add('REQUEST_ALTERNATE_MEDIA_TYPE_NO_DELETE', subject, { mediaType, remaining }, bm.at, a.at);
      continue;
    }
    if (bm.schema && am.schema) sink.schema(comparer.compare(bm.schema, am.schema, 'request'), `${subject} ${mediaType}`, am.at);
  }
}

function wildcardMatch<T>(content: ReadonlyMap<string, T>, mediaType: string): T | undefined {
  return content.get(`${mediaType.split('/')[0]}/*`) ?? content.get('*/*');
}

function compareResponses(sink: FindingSink, comparer: SchemaComparer, key: string, b: ReadonlyMap<string, ResponseEntry>, a: ReadonlyMap<string, ResponseEntry>): void {
  const success = (status: string): boolean => /^2/.test(status);
  for (const [status, br] of b) {
    const ar = a.get(status) ?? a.get(`${status[0]}XX`);
    const subject = `${key} response ${status}`;
    if (!ar) {
      if (success(status)) {
        const replacement = [...a.keys()].find((s) => success(s) && !b.has(s));
        if (replacement && br.content.size === 0 && a.get(replacement)!.content.size === 0) {
          sink.add('RESPONSE_EMPTY_SUCCESS_STATUS_NO_CHANGE', subject, { status, replacement }, br.at, a.get(replacement)!.at);
        } else sink.add('RESPONSE_SUCCESS_STATUS_NO_DELETE', subject, { status }, br.at);
      } else sink.add('RESPONSE_ERROR_STATUS_NO_DELETE', subject, { status }, br.at);
      continue;
    }
    for (const [mediaType, bm] of br.content) {
      const am = ar.content.get(mediaType) ?? wildcardMatch(ar.content, mediaType);
      if (!am) {
        sink.add('RESPONSE_MEDIA_TYPE_NO_DELETE', subject, { mediaType }, bm.at, ar.at);
        continue;
      }
      if (bm.schema && am.schema) sink.schema(comparer.compare(bm.schema, am.schema, 'response'), `${subject} ${mediaType}`, am.at);
    }
    for (const [name, bh] of br.headers) {
      const ah = ar.headers.get(name);
      const headerSubject = `${subject} header ${name}`;
      if (!ah) {
        sink.add(bh.required ? 'RESPONSE_REQUIRED_HEADER_NO_DELETE' : 'RESPONSE_HEADER_NO_DELETE', headerSubject, { name }, bh.at, ar.at);
        continue;
      }
      if (bh.required && !ah.required) sink.add('RESPONSE_HEADER_NO_BECOME_OPTIONAL', headerSubject, { name }, bh.at, ah.at);
      if (bh.schema && ah.schema) sink.schema(comparer.compare(bh.schema, ah.schema, 'response'), headerSubject, ah.at);
    }
  }
  for (const [status, ar] of a) {
    if (!b.has(status) && !b.has(`${status[0]}XX`)) sink.add('RESPONSE_STATUS_NO_ADD', `${key} response ${status}`, { status }, undefined, ar.at);
  }
}
