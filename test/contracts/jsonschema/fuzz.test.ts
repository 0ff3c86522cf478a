import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSON_SCHEMA_ENGINE } from '../../../src/contracts/jsonschema/jsonschema-engine.ts';
import { AVRO_ENGINE } from '../../../src/contracts/avro/avro-engine.ts';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import type { ContractEngine } from '../../../src/contracts/engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { SUBSET_CASES } from './subset-cases.ts';
import { AVRO_CASES } from '../avro/resolution-cases.ts';

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_KEYWORDS = ['type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'additionalItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', 'minimum', 'maximum', 'exclusiveMinimum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems', 'patternProperties', 'dependentRequired', 'dependencies', 'minProperties', 'maxProperties', '$defs', 'definitions', 'contains', 'propertyNames', '$schema', '$id', '$anchor'];
const AVRO_KEYWORDS = ['type', 'name', 'namespace', 'fields', 'symbols', 'items', 'values', 'size', 'default', 'aliases', 'logicalType'];
const JUNK: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', 'string', 'integer', 'object', 'record', 'int', '#', '#/$defs/x', '#/properties', 'other.json', '[', '(?<', '^a+$', [], [1, 'a'], {}, { type: 'string' }, { $ref: '#' }, ['null', 'string'], { type: 'record', name: 'R', fields: [] }];

function mutate(value: unknown, rand: () => number, keywords: readonly string[], depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  if (depth > 6 || rand() < 0.08) return structuredClone(pick(JUNK));
  if (Array.isArray(value)) {
    const copy = value.map((item) => (rand() < 0.3 ? mutate(item, rand, keywords, depth + 1) : item));
    if (rand() < 0.2) copy.push(structuredClone(pick(JUNK)));
    if (rand() < 0.2) copy.splice(Math.floor(rand() * copy.length), 1);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(copy)) {
      const roll = rand();
      if (roll < 0.1) delete copy[key];
      else if (roll < 0.4) copy[key] = mutate(copy[key], rand, keywords, depth + 1);
    }
    if (rand() < 0.3) copy[pick(keywords)] = structuredClone(pick(JUNK));
    if (rand() < 0.1) copy['nested'] = { type: 'object', properties: { deep: structuredClone(copy) } };
    return copy;
  }
  return rand() < 0.5 ? structuredClone(pick(JUNK)) : value;
}

function asText(value: unknown, rand: () => number): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  if (rand() < 0.05) return text.slice(0, Math.floor(rand() * text.length)); // truncated file
  return text;
}

function exercise(engine: ContractEngine, before: ContractSource, after: ContractSource, label: string): void {
  for (const run of [() => engine.validate(before), () => engine.compare(before, after), () => engine.satisfies(before, { contract: after }), () => engine.compare(before, after, { settings: { mode: 'FULL' } })]) {
    const started = performance.now();
    try {
      const findings = run();
      if (Array.isArray(findings)) for (const finding of findings) assert.ok(finding.rule && finding.message && finding.fingerprint, `${label}: malformed finding`);
    } catch (error) {
      if (!(error instanceof ContractError)) {
        assert.fail(`${label}: ${(error as Error).stack}\nbefore: ${before.files[before.entry]}\nafter: ${after.files[after.entry]}`);
      }
      assert.ok(error.location.file !== undefined, `${label}: ContractError without a file: ${error.message}`);
    }
    // a guard against hangs, far above any real check
    assert.ok(performance.now() - started < 10_000, `${label}: took ${Math.round(performance.now() - started)} ms`);
  }
}

test('fuzz: JSON Schema mutations only ever raise located ContractErrors', () => {
  const rand = random(20261122);
  for (let round = 0; round < 200; round++) {
    const seed = SUBSET_CASES[round % SUBSET_CASES.length]!;
    const writer = mutate(seed.writer, rand, JSON_KEYWORDS);
    const reader = rand() < 0.5 ? mutate(seed.reader, rand, JSON_KEYWORDS) : seed.reader;
    const file = (value: unknown): ContractSource => ({ kind: 'jsonschema', entry: 'e.json', files: { 'e.json': asText(value, rand), 'other.json': JSON.stringify({ type: 'string' }) } });
    exercise(JSON_SCHEMA_ENGINE, file(writer), file(reader), `json round ${round} (${seed.name})`);
  }
});

test('fuzz: Avro mutations only ever raise located ContractErrors', () => {
  const rand = random(4);
  for (let round = 0; round < 300; round++) {
    const seed = AVRO_CASES[round % AVRO_CASES.length]!;
    const writer = mutate(seed.writer, rand, AVRO_KEYWORDS);
    const reader = rand() < 0.5 ? mutate(seed.reader, rand, AVRO_KEYWORDS) : seed.reader;
    const file = (value: unknown): ContractSource => ({ kind: 'avro', entry: 'e.avsc', files: { 'e.avsc': asText(value, rand) } });
    exercise(AVRO_ENGINE, file(writer), file(reader), `avro round ${round} (${seed.name})`);
  }
});
