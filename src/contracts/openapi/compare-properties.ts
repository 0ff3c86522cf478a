import { minimalInstance } from './example-payload.ts';
import { isObject, type Located } from './located.ts';
import type { FlowDirection, SchemaChange } from './schema-change.ts';
import type { SchemaComparer } from './schema-comparer.ts';
import { flag, objectView } from './schema-facts.ts';

/**
 * Object properties, paired by name across the `allOf`-merged views of both sides. In a request,
 * readOnly properties are not sent, so they count as absent; in a response, writeOnly ones are
 * not returned. Required names without a property definition are left to the validator.
 */
export function compareProperties(comparer: SchemaComparer, b: Located, a: Located, direction: FlowDirection): SchemaChange[] {
  const { before, after } = comparer;
  const bView = objectView(before, b);
  const aView = objectView(after, a);
  if (bView.properties.size === 0 && aView.properties.size === 0 && bView.additional === undefined && aView.additional === undefined) return [];
  const out: SchemaChange[] = [];
  const request = direction === 'request';
  const hidden = request ? 'readOnly' : 'writeOnly';
  const requestExample = (): unknown => minimalInstance(before, b);
  const responseExample = (): unknown => minimalInstance(after, a);
  for (const [name, bp] of bView.properties) {
    const ap = aView.properties.get(name);
    const bHidden = flag(before, bp, hidden);
    const aHidden = ap ? flag(after, ap, hidden) : false;
    const bRequired = bView.required.has(name);
    const aRequired = aView.required.has(name);
    if (bHidden) {
      if (request && ap && !aHidden && aRequired) out.push(comparer.change('REQUEST_PROPERTY_REQUIRED_NO_ADD', { name }, b, ap, requestExample()));
      continue;
    }
    if (!ap) {
      if (request) out.push(comparer.change('REQUEST_PROPERTY_NO_DELETE', { name }, bp, a));
      else if (bRequired) out.push(comparer.change('RESPONSE_REQUIRED_PROPERTY_NO_DELETE', { name }, bp, a, responseExample()));
      else out.push(comparer.change('RESPONSE_PROPERTY_NO_DELETE', { name }, bp, a));
      continue;
    }
    if (aHidden) {
      out.push(comparer.change(request ? 'REQUEST_PROPERTY_NO_BECOME_READ_ONLY' : 'RESPONSE_PROPERTY_NO_BECOME_WRITE_ONLY', { name }, bp, ap));
      continue;
    }
    if (request && aRequired && !bRequired) out.push(comparer.change('REQUEST_PROPERTY_NO_BECOME_REQUIRED', { name }, bp, ap, requestExample()));
    if (!request && bRequired && !aRequired) out.push(comparer.change('RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', { name }, bp, ap, responseExample()));
    out.push(...comparer.nest(comparer.compare(bp, ap, direction), name, b, a, direction));
  }
  for (const [name, ap] of aView.properties) {
    if (bView.properties.has(name)) continue;
    if (request && aView.required.has(name) && !flag(after, ap, 'readOnly')) {
      out.push(comparer.change('REQUEST_PROPERTY_REQUIRED_NO_ADD', { name }, b, ap, requestExample()));
    }
  }
  out.push(...compareAdditional(comparer, b, a, bView.additional, aView.additional, direction));
  return out;
}

function compareAdditional(
  comparer: SchemaComparer,
  b: Located,
  a: Located,
  bExtra: boolean | Located | undefined,
  aExtra: boolean | Located | undefined,
  direction: FlowDirection,
): SchemaChange[] {
  const describe = (extra: boolean | Located | undefined): string => (extra === undefined || extra === true ? 'open' : extra === false ? 'closed' : 'schema');
  const open = (extra: boolean | Located | undefined): boolean => extra === undefined || extra === true || (typeof extra === 'object' && isObject(extra.node) && Object.keys(extra.node).length === 0);
  const details = { before: describe(bExtra), after: describe(aExtra) };
  if (typeof bExtra === 'object' && typeof aExtra === 'object' && !open(bExtra) && !open(aExtra)) {
    return comparer.nest(comparer.compare(bExtra, aExtra, direction), '*', b, a, direction);
  }
  if (direction === 'request') {
    const narrower = (open(bExtra) && !open(aExtra)) || (typeof bExtra === 'object' && aExtra === false);
    return narrower ? [comparer.change('REQUEST_SCHEMA_ADDITIONAL_PROPERTIES_NO_RESTRICT', details, b, a, { ...(asObject(minimalInstance(comparer.before, b))), unlistedProperty: 'value' })] : [];
  }
  const wider = (bExtra === false && aExtra !== false) || (!open(bExtra) && open(aExtra));
  return wider ? [comparer.change('RESPONSE_SCHEMA_ADDITIONAL_PROPERTIES_NO_WIDEN', details, b, a, { ...(asObject(minimalInstance(comparer.after, a))), unlistedProperty: 'value' })] : [];
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}
