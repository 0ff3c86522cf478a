import type { ContractSource } from '../../../src/model/contract-source.ts';
import type { Finding } from '../../../src/model/finding.ts';
import type { ConsumerExpectation, ContractEngine } from '../../../src/contracts/engine.ts';

/**
 * A deliberately small JSON Schema engine for planner tests: records with `properties`, `required`
 * and property `type`, and readers written as `anyOf` of records. It judges exactly what the
 * planning cases need (a reader needs every property it requires to be always written, with the
 * same type), so planner tests do not move when the full engine's rules evolve; the scenario tests
 * also run against the registered engine when there is one.
 */
interface RecordSchema {
  readonly required: readonly string[];
  readonly types: Readonly<Record<string, string>>;
  readonly file: string;
}

function resolveSchemas(source: ContractSource, path = source.entry): RecordSchema[] {
  const text = source.files[path];
  if (text === undefined) throw new Error(`${path} is not among the contract's files`);
  const doc = JSON.parse(text) as { anyOf?: { $ref?: string }[]; $ref?: string; required?: string[]; properties?: Record<string, { type?: string }> };
  if (doc.anyOf) return doc.anyOf.flatMap((branch) => (branch.$ref ? resolveSchemas(source, branch.$ref) : []));
  if (doc.$ref) return resolveSchemas(source, doc.$ref);
  const types: Record<string, string> = {};
  for (const [name, property] of Object.entries(doc.properties ?? {})) if (property.type) types[name] = property.type;
  return [{ required: doc.required ?? [], types, file: path }];
}

function gaps(writer: RecordSchema, reader: RecordSchema): Finding[] {
  const findings: Finding[] = [];
  reader.required.forEach((name, i) => {
    if (!writer.required.includes(name)) {
      findings.push(finding('PROPERTY_WRITTEN_FOR_READER', name, `the reader requires "${name}", which the writer does not always write`, reader.file, `/required/${i}`));
    } else if (writer.types[name] && reader.types[name] && writer.types[name] !== reader.types[name]) {
      findings.push(finding('PROPERTY_SAME_TYPE', name, `"${name}" is written as ${writer.types[name]} but read as ${reader.types[name]}`, reader.file, `/properties/${name}/type`));
    }
  });
  return findings;
}

function finding(rule: string, subject: string, message: string, file: string, pointer: string): Finding {
  return { rule, kind: 'jsonschema', severity: 'breaking', direction: 'message', subject, message, fingerprint: `${rule}:${subject}`, after: { pointer, file } };
}

export const recordEngine: ContractEngine = {
  kind: 'jsonschema',
  validate(source) {
    resolveSchemas(source);
  },
  compare(before, after) {
    const [old] = resolveSchemas(before);
    const [next] = resolveSchemas(after);
    return old && next ? gaps(next, old) : [];
  },
  satisfies(provider, expectation: ConsumerExpectation) {
    if (!expectation.contract) return [];
    const writers = resolveSchemas(provider);
    const readers = resolveSchemas(expectation.contract);
    const findings: Finding[] = [];
    for (const writer of writers) {
      const perReader = readers.map((reader) => gaps(writer, reader));
      if (perReader.some((list) => list.length === 0)) continue;
      findings.push(...perReader[0]!);
    }
    return findings;
  },
};
