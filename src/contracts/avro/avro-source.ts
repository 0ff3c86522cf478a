import type { ContractSource } from '../../model/contract-source.ts';
import { ContractError } from '../contract-error.ts';
import { SchemaDocument } from '../jsonschema/schema-document.ts';
import { readAvroSchema, type AvroRegistry, type AvroType } from './avro-schema.ts';

/** One side of an Avro check: the entry schema, with named types from the other files of the source. */
export interface AvroSide {
  readonly root: AvroType;
  readonly registry: AvroRegistry;
  /** The schemas as JSON, entry last, for avsc's own resolution. */
  readonly json: readonly unknown[];
}

/**
 * Reads every file of the source; files that name types defined in another file are retried
 * until all resolve (so the order of files does not matter), then the entry is read.
 */
export function readAvroSource(source: ContractSource): AvroSide {
  const entryText = source.files[source.entry];
  if (entryText === undefined) throw new ContractError(`entry ${source.entry} is not among the contract's files`, { pointer: '', file: source.entry });
  const registry: AvroRegistry = new Map();
  const json: unknown[] = [];
  let others = Object.entries(source.files).filter(([file]) => file !== source.entry && /\.(avsc|json)$/i.test(file)).map(([file, text]) => SchemaDocument.parse(file, text, 'draft-07'));
  while (others.length > 0) {
    const failed: SchemaDocument[] = [];
    let lastError: ContractError | undefined;
    for (const doc of others) {
      const attempt: AvroRegistry = new Map(registry);
      try {
        readAvroSchema(doc, attempt, new Map());
        for (const [name, type] of attempt) registry.set(name, type);
        json.push(doc.json);
      } catch (error) {
        if (!(error instanceof ContractError)) throw error;
        lastError = error;
        failed.push(doc);
      }
    }
    if (failed.length === others.length) throw lastError!;
    others = failed;
  }
  const entry = SchemaDocument.parse(source.entry, entryText, 'draft-07');
  const root = readAvroSchema(entry, registry, new Map());
  json.push(entry.json);
  return { root, registry, json };
}
