import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSON_SCHEMA_ENGINE } from '../../../src/contracts/jsonschema/jsonschema-engine.ts';
import { checkLink } from '../../../src/contracts/check-link.ts';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { ENGINES, CATALOG } from '../../../src/contracts/index.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';

const source = (text: string, entry = 'doc.json', files: Record<string, string> = {}): ContractSource => ({ kind: 'jsonschema', entry, files: { [entry]: text, ...files } });

test('engine: registered with its rules', () => {
  assert.equal(ENGINES.jsonschema, JSON_SCHEMA_ENGINE);
  assert.ok(CATALOG.some((rule) => rule.kind === 'jsonschema' && rule.id === 'PROPERTY_REQUIRED_NO_ADD'));
  assert.ok(CATALOG.some((rule) => rule.kind === 'avro' && rule.id === 'FIELD_DEFAULT_REQUIRED'));
});

test('engine: compare is BACKWARD and points at both documents by line', () => {
  const before = source(['{', '  "type": "object",', '  "properties": {', '    "id": { "type": "string" },', '    "total": { "type": "number" }', '  }', '}'].join('\n'), 'v1.json');
  const after = source(['{', '  "type": "object",', '  "properties": {', '    "id": { "type": "string" },', '    "total": { "type": "integer" }', '  }', '}'].join('\n'), 'v2.json');
  const [finding, ...rest] = JSON_SCHEMA_ENGINE.compare(before, after);
  assert.equal(rest.length, 0);
  assert.equal(finding?.rule, 'TYPE_NO_NARROW');
  assert.equal(finding?.subject, '/total');
  assert.deepEqual([finding?.before?.file, finding?.before?.line], ['v1.json', 5]);
  assert.deepEqual([finding?.after?.file, finding?.after?.line, finding?.after?.pointer], ['v2.json', 5, '/properties/total/type']);
  assert.deepEqual(finding?.example, { total: 0.5 });
});

test('engine: YAML schemas carry their lines too', () => {
  const writer = source('type: object\nproperties:\n  name:\n    type: string\n', 'w.yaml');
  const reader = source('type: object\nproperties:\n  name:\n    type: string\n    maxLength: 3\n', 'r.yaml');
  const [finding] = JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader });
  assert.equal(finding?.rule, 'STRING_LENGTH_NO_NARROW');
  assert.deepEqual([finding?.after?.file, finding?.after?.line], ['r.yaml', 5]);
});

test('engine: settings severities and exemptions', () => {
  const writer = source('{"type": "string"}');
  const reader = source('{"type": "string", "maxLength": 3}');
  const [finding] = JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader });
  assert.ok(finding);
  assert.deepEqual(JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader }, { exemptions: [finding.fingerprint] }), []);
  assert.deepEqual(JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader }, { severities: { STRING: 'off' } }), []);
  assert.equal(JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader }, { severities: { STRING_LENGTH_NO_NARROW: 'warning' } })[0]?.severity, 'warning');
});

test('engine: a dialect change is noted', () => {
  const v1 = source('{"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"}');
  const v2 = source('{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}');
  assert.deepEqual(JSON_SCHEMA_ENGINE.compare(v1, v2).map((f) => [f.rule, f.severity]), [['DIALECT_NO_CHANGE', 'info']]);
});

test('engine: invalid schemas and broken refs are located ContractErrors', () => {
  const cases: [string, RegExp, number | undefined][] = [
    ['{"type": "object",\n "properties": {"a": {"type": 12}}}', /not a valid/, 2],
    ['{"type": "object",\n "properties": {"a": {"$ref": "#/$defs/missing"}}}', /nothing at/, 2],
    ['{"type": "object",\n "properties": {"a": {"$ref": "gone.json"}}}', /not among the contract's files/, 2],
    ['{"type": ', /not valid JSON or YAML/, 1],
    ['[1, 2]', /must be an object or a boolean/, undefined],
  ];
  for (const [text, message, line] of cases) {
    assert.throws(
      () => JSON_SCHEMA_ENGINE.validate(source(text)),
      (error: unknown) => error instanceof ContractError && message.test(error.message) && error.location.file === 'doc.json' && (line === undefined || error.location.line === line),
      text,
    );
  }
  JSON_SCHEMA_ENGINE.validate(source('{"$ref": "common.json#/$defs/id"}', 'doc.json', { 'common.json': '{"$defs": {"id": {"type": "string"}}}' }));
});

test('link: the Reader/Writer story — a writer that adds JSON breaks a reader of XML only', () => {
  // Writer v1 writes XML; v2 writes JSON as well. Reader v1 reads only XML.
  const xml = source('{"type": "object", "properties": {"order": {"type": "string"}}}', 'order-xml.json');
  const json = source('{"type": "object", "properties": {"id": {"type": "string"}}}', 'order.json');
  const readerV1 = { formats: { 'application/xml': xml } };
  assert.deepEqual(checkLink(JSON_SCHEMA_ENGINE, { kind: 'jsonschema', formats: { 'application/xml': xml } }, readerV1), []);
  const writerV2 = { kind: 'jsonschema' as const, formats: { 'application/xml': xml, 'application/json': json } };
  const findings = checkLink(JSON_SCHEMA_ENGINE, writerV2, readerV1);
  assert.deepEqual(findings.map((f) => [f.rule, f.subject]), [['FORMAT_READ_BY_CONSUMER', 'application/json']]);
  // Reader v2 reads both: the writer may move on.
  const readerV2 = { formats: { 'application/xml': xml, 'application/json': json } };
  assert.deepEqual(checkLink(JSON_SCHEMA_ENGINE, writerV2, readerV2), []);
  // Each format is still checked by the subset check.
  const strictJson = source('{"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}}', 'order-strict.json');
  const narrowed = checkLink(JSON_SCHEMA_ENGINE, writerV2, { formats: { 'application/xml': xml, 'application/json': strictJson } });
  assert.deepEqual(narrowed.map((f) => [f.rule, f.subject]), [['STRING_FORMAT_NO_NARROW', 'application/json /id']]);
});
