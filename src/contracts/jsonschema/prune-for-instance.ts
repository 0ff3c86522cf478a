import { isSchemaObject } from './schema-node.ts';

const IN_PLACE = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'];

/**
 * A copy of a root schema without the `properties` the instance does not have, following the
 * instance down through `properties` and the in-place combinators. Validation of that instance is
 * unchanged (a declared property the instance lacks is never evaluated), but compiling the copy
 * costs a fraction of compiling a schema with hundreds of properties. Definitions and anything
 * behind `$ref` stay whole; a schema that references into `properties` is not pruned at all.
 */
export function pruneForInstance(schema: unknown, instance: unknown): unknown {
  if (JSON.stringify(schema).includes('/properties/')) return schema;
  return prune(schema, instance);
}

function prune(schema: unknown, instance: unknown): unknown {
  if (!isSchemaObject(schema)) return schema;
  const out: Record<string, unknown> = { ...schema };
  const properties = schema['properties'];
  if (isSchemaObject(properties)) {
    const present = isSchemaObject(instance) ? instance : undefined;
    const kept: Record<string, unknown> = {};
    if (present) for (const name of Object.keys(properties)) if (Object.prototype.hasOwnProperty.call(present, name)) kept[name] = prune(properties[name], present[name]);
    out['properties'] = kept;
  }
  for (const keyword of IN_PLACE) {
    const list = schema[keyword];
    if (Array.isArray(list)) out[keyword] = list.map((item) => prune(item, instance));
  }
  for (const keyword of IN_PLACE_SINGLE) if (schema[keyword] !== undefined) out[keyword] = prune(schema[keyword], instance);
  return out;
}
