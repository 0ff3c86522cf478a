import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { JSON_SCHEMA_ENGINE } from '../../../src/contracts/jsonschema/jsonschema-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { SUBSET_CASES, type SubsetCase } from './subset-cases.ts';

const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as FormatsPlugin;
const DIALECT_URI = { 'draft-07': 'http://json-schema.org/draft-07/schema#', '2019-09': 'https://json-schema.org/draft/2019-09/schema', '2020-12': 'https://json-schema.org/draft/2020-12/schema' };

function withDialect(schema: unknown, dialect: SubsetCase['dialect']): unknown {
  if (!dialect || typeof schema !== 'object' || schema === null) return schema;
  return { $schema: DIALECT_URI[dialect], ...schema };
}

export function sourceOf(schema: unknown, files: Readonly<Record<string, unknown>> = {}): ContractSource {
  return {
    kind: 'jsonschema',
    entry: 'event.json',
    files: { 'event.json': JSON.stringify(schema, null, 2), ...Object.fromEntries(Object.entries(files).map(([path, value]) => [path, JSON.stringify(value, null, 2)])) },
  };
}

/** An ajv of its own, so the test does not trust the engine's verification. */
function validator(schema: unknown, files: Readonly<Record<string, unknown>>, dialect: SubsetCase['dialect']): (value: unknown) => boolean {
  const options = { strict: false, allowUnionTypes: true };
  const declared = JSON.stringify(schema);
  const effective = dialect ?? (declared.includes('$defs') || declared.includes('prefixItems') ? '2020-12' : 'draft-07');
  const ajv = effective === '2020-12' ? new Ajv2020(options) : effective === '2019-09' ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  for (const [path, value] of Object.entries(files)) ajv.addSchema(value as object, new URL(path, 'stepwise:///').href);
  const root = typeof schema === 'object' && schema !== null ? { ...(schema as object) } : schema;
  if (typeof root === 'object' && root !== null && '$id' in root) {
    // keep its own id: relative refs then resolve against it, as the engine reads them
  }
  ajv.addSchema(root as object, 'stepwise:///event.json');
  const validate = ajv.getSchema('stepwise:///event.json')!;
  return (value) => validate(value) === true;
}

for (const testCase of SUBSET_CASES) {
  test(`subset: ${testCase.name}`, () => {
    const writer = withDialect(testCase.writer, testCase.dialect);
    const reader = withDialect(testCase.reader, testCase.dialect);
    const findings = JSON_SCHEMA_ENGINE.satisfies(sourceOf(writer, testCase.files), { contract: sourceOf(reader, testCase.files) });
    const breaking = findings.filter((f) => f.severity === 'breaking');
    const warnings = findings.filter((f) => f.severity === 'warning');
    const verdict = breaking.length > 0 ? 'break' : warnings.length > 0 ? 'warn' : 'ok';
    const summary = findings.map((f) => `${f.severity} ${f.rule} ${f.subject} ${JSON.stringify(f.example)}`).join('\n');
    assert.equal(verdict, testCase.expect, `verdict\n${summary}`);
    if (testCase.rule) assert.ok(findings.some((f) => f.rule === testCase.rule), `expected ${testCase.rule} among\n${summary}`);
    if (breaking.length > 0) {
      const writes = validator(writer, testCase.files ?? {}, testCase.dialect);
      const reads = validator(reader, testCase.files ?? {}, testCase.dialect);
      for (const finding of breaking) {
        assert.ok('example' in finding, `${finding.rule} has no counterexample`);
        assert.equal(writes(finding.example), true, `${finding.rule}: ${JSON.stringify(finding.example)} should be valid under the writer`);
        assert.equal(reads(finding.example), false, `${finding.rule}: ${JSON.stringify(finding.example)} should be invalid under the reader`);
      }
    }
    for (const finding of findings) assert.ok(finding.after?.file && finding.after.pointer !== undefined, `${finding.rule} names the reader location`);
  });
}
