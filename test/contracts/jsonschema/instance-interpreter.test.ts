import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { interpretInstance } from '../../../src/contracts/jsonschema/instance-interpreter.ts';
import { generateInstance } from '../../../src/contracts/jsonschema/generate-instance.ts';
import { SchemaSet } from '../../../src/contracts/jsonschema/schema-set.ts';
import { generatePairs, random } from '../../../bench/contracts/jsonschema-pairs.ts';
import { SUBSET_CASES } from './subset-cases.ts';

const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as FormatsPlugin;
const DIALECT_URI = { 'draft-07': 'http://json-schema.org/draft-07/schema#', '2019-09': 'https://json-schema.org/draft/2019-09/schema', '2020-12': 'https://json-schema.org/draft/2020-12/schema' };

/** Values that break most schemas somewhere: wrong types, edges of ranges and lengths, formats. */
const JUNK: unknown[] = [null, true, false, 0, -1, 1.5, 3, 100001, -0.5, '', 'a', 'V0', 'NEW', 'x'.repeat(300), 'card', 'EUR', 'eur', '2024-01-31T12:00:00Z', 'not-a-date', 'someone@example.com', '123e4567-e89b-12d3-a456-426614174000', [], ['a'], ['a', 'a'], [1, 2], {}, { kind: 'card' }, { kind: 'bank', iban: 'x' }, { amount: 1, currency: 'EUR' }];

/** An ajv of the test's own, configured like the verifier, to judge the interpreter against. */
function ajvFor(schema: unknown, dialect: string): (value: unknown) => boolean {
  const options = { strict: false, allowUnionTypes: true, unicodeRegExp: true, logger: false as const };
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) === true;
}

function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  if (depth > 8 || rand() < 0.05) return structuredClone(pick(JUNK));
  if (Array.isArray(value)) {
    const copy = value.map((item) => (rand() < 0.3 ? mutate(item, rand, depth + 1) : item));
    if (rand() < 0.2) copy.push(copy.length > 0 && rand() < 0.5 ? structuredClone(copy[0]) : structuredClone(pick(JUNK)));
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    for (const key of keys) {
      const roll = rand();
      if (roll < 0.05) delete copy[key];
      else if (roll < 0.2) copy[key] = mutate(copy[key], rand, depth + 1);
    }
    if (rand() < 0.15) copy[pick(['extraProperty', 'kind', 'x-extra', ...keys.map((k) => `${k}_`)])] = structuredClone(pick(JUNK));
    return copy;
  }
  return rand() < 0.7 ? structuredClone(pick(JUNK)) : value;
}

/**
 * Compares the interpreter with ajv on instances derived from `schema`; returns how many verdicts
 * the interpreter gave (it may decline, and then ajv answers in the engine), tallying valid and invalid.
 */
function compare(schema: unknown, dialect: string, rand: () => number, rounds: number, label: string, tally: { valid: number; invalid: number }): number {
  const text = JSON.stringify(schema);
  const set = new SchemaSet({ kind: 'jsonschema', entry: 'event.json', files: { 'event.json': text } }, 'w');
  const ajv = ajvFor(schema, dialect);
  const base = generateInstance(set, [set.root()])?.value ?? {};
  let answered = 0;
  for (let round = 0; round < rounds; round++) {
    const instance = round === 0 ? base : mutate(base, rand);
    const ours = interpretInstance(set, set.root(), instance);
    if (ours === undefined) continue;
    answered++;
    tally[ours ? 'valid' : 'invalid']++;
    assert.equal(ours, ajv(instance), `${label}: ${JSON.stringify(instance).slice(0, 400)}`);
  }
  return answered;
}

test('interpreter: agrees with ajv on mutated instances of the benchmark schemas', () => {
  const rand = random(11);
  const tally = { valid: 0, invalid: 0 };
  let answered = 0;
  for (const [index, pair] of generatePairs(20, 99).entries()) {
    answered += compare(pair.writer, pair.dialect, rand, 60, `pair ${index} writer`, tally);
    answered += compare(pair.reader, pair.dialect, rand, 60, `pair ${index} reader`, tally);
  }
  // the benchmark's keywords are all within the interpreter's reach: it must not decline them
  assert.equal(answered, 20 * 2 * 60);
  assert.ok(tally.valid > 100 && tally.invalid > 100, `one-sided instances: ${JSON.stringify(tally)}`);
});

test('interpreter: agrees with ajv on mutated instances of every subset case', () => {
  const rand = random(12);
  const tally = { valid: 0, invalid: 0 };
  let answered = 0;
  for (const testCase of SUBSET_CASES) {
    if (testCase.files) continue;
    for (const [side, schema] of [['writer', testCase.writer], ['reader', testCase.reader]] as const) {
      const dialect = testCase.dialect ?? (JSON.stringify(schema).match(/"(\$defs|prefixItems|dependentRequired)"/) ? '2020-12' : 'draft-07');
      const full = typeof schema === 'object' && schema !== null ? { $schema: DIALECT_URI[dialect], ...schema } : schema;
      answered += compare(full, dialect, rand, 30, `${testCase.name} ${side}`, tally);
    }
  }
  assert.ok(answered > 2000, `the interpreter answered only ${answered} times`);
  assert.ok(tally.valid > 500 && tally.invalid > 500, `one-sided instances: ${JSON.stringify(tally)}`);
});

test('interpreter: declines what it does not reproduce', () => {
  const check = (schema: unknown, instance: unknown) => {
    const set = new SchemaSet({ kind: 'jsonschema', entry: 'event.json', files: { 'event.json': JSON.stringify(schema) } }, 'w');
    return interpretInstance(set, set.root(), instance);
  };
  assert.equal(check({ type: 'object', unevaluatedProperties: false }, {}), undefined);
  assert.equal(check({ $schema: DIALECT_URI['2020-12'], $dynamicRef: '#a' }, {}), undefined);
  assert.equal(check({ properties: { a: { $id: 'inner', $ref: '#/x' } } }, {}), undefined);
  assert.equal(check({ $ref: 'other.json' }, {}), undefined);
  assert.equal(check({ type: 'string', minLength: 'x' }, 'a'), undefined);
  assert.equal(check({ exclusiveMinimum: true, minimum: 1 }, 1), undefined);
  assert.equal(check({ type: 'object', required: ['constructor'] }, {}), undefined);
  assert.equal(check({ type: 'object' }, JSON.parse('{"toString": 1}')), undefined);
  assert.equal(check({ type: 'string', nullable: true }, null), undefined);
  assert.equal(check({ type: 'string', maxLength: 2 }, 'abc'), false);
  assert.equal(check({ type: 'string', maxLength: 2 }, '😀😀'), true);
});
