import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ContractError } from '../contract-error.ts';
import type { SchemaSet } from './schema-set.ts';
import { expandConjuncts } from './expand-conjuncts.ts';
import { escapePointer, isSchemaObject } from './schema-node.ts';

const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'required']);

/**
 * Checks every document against its dialect's meta-schema and resolves every `$ref`, so a broken
 * contract is reported with its file, line and pointer before anything is compared.
 */
export function validateSchemaSet(set: SchemaSet): void {
  const ajv = metaValidator(set.dialect);
  for (const doc of set.documents) {
    const json = doc.json;
    if (typeof json !== 'boolean' && !isSchemaObject(json)) throw new ContractError('a JSON Schema document must be an object or a boolean', doc.location(''));
    const copy = isSchemaObject(json) ? { ...json } : json;
    if (isSchemaObject(copy)) delete copy['$schema'];
    if (ajv.validateSchema(copy) !== true) {
      const error = ajv.errors?.[0];
      const pointer = error?.instancePath ?? '';
      throw new ContractError(`not a valid ${set.dialect} schema: ${pointer || '/'} ${error?.message ?? ''}`.trim(), doc.location(pointer));
    }
    visitRefs(set, doc.json, '', (pointer) => expandConjuncts(set, set.node(doc, pointer)));
  }
}

const validators = new Map<string, Ajv | Ajv2019 | Ajv2020>();

/** One ajv per dialect, kept: compiling a meta-schema costs far more than validating against it. */
function metaValidator(dialect: string): Ajv | Ajv2019 | Ajv2020 {
  let ajv = validators.get(dialect);
  if (!ajv) {
    const options = { strict: false, logger: false as const, allErrors: false };
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    validators.set(dialect, ajv);
  }
  return ajv;
}

function visitRefs(set: SchemaSet, value: unknown, pointer: string, onRef: (pointer: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visitRefs(set, item, `${pointer}/${index}`, onRef));
    return;
  }
  if (!isSchemaObject(value)) return;
  if (typeof value['$ref'] === 'string') onRef(pointer);
  for (const [key, child] of Object.entries(value)) {
    if (DATA_KEYWORDS.has(key)) continue;
    if (typeof child === 'object' && child !== null) visitRefs(set, child, `${pointer}/${escapePointer(key)}`, onRef);
  }
}
