import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { openapiEngine } from '../../../src/contracts/openapi/openapi-engine.ts';
import { parseText } from '../../../src/contracts/openapi/parse-text.ts';
import { CORPUS, textSource } from './support.ts';

/** Small deterministic PRNG (mulberry32) so a failing iteration can be replayed from its seed. */
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

function documents(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...documents(path));
    else if (/\.(ya?ml|json)$/.test(name) && statSync(path).size < 64_000) out.push(path);
  }
  return out;
}

type Node = Record<string, unknown> | unknown[];

/** Every object and array inside a value, with its parent key, for picking mutation points. */
function containers(value: unknown, out: Node[] = [], depth = 0): Node[] {
  if (depth > 40 || typeof value !== 'object' || value === null) return out;
  out.push(value as Node);
  for (const child of Object.values(value)) containers(child, out, depth + 1);
  return out;
}

const REPLACEMENTS: unknown[] = [null, 0, -1, 'text', true, [], {}, [1, 'a'], { $ref: '#/nowhere' }, { $ref: '#/paths' }, { $ref: 'other.yaml#/x' }, { $ref: 'https://example.com/x.yaml' }, { type: ['string', 'null'] }, { oneOf: [] }, { allOf: [{ $ref: '#' }] }];

function mutate(doc: unknown, next: () => number): unknown {
  const copy = structuredClone(doc);
  const points = containers(copy);
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count && points.length > 0; i++) {
    const target = points[Math.floor(next() * points.length)]!;
    const keys = Object.keys(target);
    const key = keys[Math.floor(next() * keys.length)];
    const action = next();
    if (key === undefined) continue;
    if (action < 0.3) delete (target as Record<string, unknown>)[key];
    else if (action < 0.8) (target as Record<string, unknown>)[key] = structuredClone(REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]);
    else {
      // a reference back to an ancestor: a cycle the engine must survive
      const pointer = `#/${keys.length > 0 ? 'components/schemas' : ''}`;
      (target as Record<string, unknown>)[key] = { $ref: next() < 0.5 ? pointer : '#' };
    }
  }
  return copy;
}

const outcomes = { findings: 0, errors: 0 };

function check(label: string, run: () => unknown): void {
  try {
    run();
    outcomes.findings++;
  } catch (error) {
    outcomes.errors++;
    if (!(error instanceof ContractError)) throw new Error(`${label}: crashed with ${(error as Error).stack}`);
    assert.ok(error.location.file, `${label}: ContractError without a file: ${error.message}`);
    assert.equal(typeof error.location.pointer, 'string', `${label}: ContractError without a pointer`);
  }
}

test('fuzzing: mutated corpus documents give findings or a located ContractError, never a crash', { timeout: 120_000 }, () => {
  const files = documents(join(CORPUS, 'openapi-oasdiff/data')).sort();
  const next = random(20261122);
  const heapBefore = process.memoryUsage().heapUsed;
  let compared = 0;
  for (let iteration = 0; iteration < 400; iteration++) {
    const file = files[Math.floor(next() * files.length)]!;
    const text = readFileSync(file, 'utf8');
    const label = `iteration ${iteration} on ${relative(CORPUS, file)}`;
    if (next() < 0.15) {
      // text-level damage: truncation and stray characters exercise the parser's error path
      const cut = Math.floor(next() * text.length);
      const broken = text.slice(0, cut) + ['{', ':', '\t', '- [', '"'][Math.floor(next() * 5)] + text.slice(cut + 1);
      check(label, () => openapiEngine.compare(textSource(text, 'a.yaml'), textSource(broken, 'a.yaml')));
      continue;
    }
    let parsed: unknown;
    try {
      openapiEngine.validate(textSource(text, 'a.yaml'));
      parsed = parseText('a.yaml', text).value;
    } catch {
      continue; // fixtures that are not valid OpenAPI on purpose
    }
    const mutated = JSON.stringify(mutate(parsed, next));
    check(label, () => openapiEngine.compare(textSource(JSON.stringify(parsed), 'a.json'), textSource(mutated, 'a.json')));
    check(`${label} (reversed)`, () => openapiEngine.compare(textSource(mutated, 'a.json'), textSource(JSON.stringify(parsed), 'a.json')));
    check(`${label} (consumer)`, () => openapiEngine.satisfies(textSource(mutated, 'a.json'), { contract: textSource(JSON.stringify(parsed), 'a.json') }));
    compared++;
  }
  assert.ok(compared > 200, `only ${compared} documents were mutated`);
  assert.ok(outcomes.errors > 20 && outcomes.findings > 200, `mutations too tame: ${JSON.stringify(outcomes)}`);
  const grown = process.memoryUsage().heapUsed - heapBefore;
  assert.ok(grown < 512 * 1024 * 1024, `heap grew by ${Math.round(grown / 1e6)} MB`);
});
