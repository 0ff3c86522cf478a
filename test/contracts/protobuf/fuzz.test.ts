import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { protobufEngine } from '../../../src/contracts/protobuf/protobuf-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { corpusCaseNames, loadCorpusCase } from './buf-corpus.ts';

/** Small seeded generator, so a failing mutation can be replayed from the printed seed. */
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

const SNIPPETS = ['{', '}', ';', '=', '"', "'", 'message ', 'enum ', '1', '-', '/*', '*/', '//', '[', ']', '(', ')', '<', '>', '.', ' max', ' to ',
  'option ', 'repeated ', 'map<', '\n', 'extend ', 'oneof ', 'reserved ', '0x', '99999999999', 'group ', 'stream ', 'features.', '\\', ',', 'syntax = "proto3";'];

function mutate(text: string, next: () => number): string {
  let out = text;
  const times = 1 + Math.floor(next() * 3);
  for (let count = 0; count < times; count += 1) {
    const at = Math.floor(next() * (out.length + 1));
    switch (Math.floor(next() * 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
        break;
      case 1:
        out = out.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + out.slice(at);
        break;
      case 2: {
        const lines = out.split('\n');
        const line = Math.floor(next() * lines.length);
        lines.splice(line, 0, lines[Math.floor(next() * lines.length)]!);
        out = lines.join('\n');
        break;
      }
      case 3:
        out = out.slice(0, at);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 128)) + out.slice(at);
    }
  }
  return out;
}

test('fuzzing: mutated corpus files give a ContractError with a location, never a crash or a hang', { timeout: 60_000 }, async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261122);
  const next = random(seed);
  const names = corpusCaseNames();
  const cases = await Promise.all(names.map((name) => loadCorpusCase(name)));
  let rejected = 0;
  let accepted = 0;
  for (let round = 0; round < 400; round += 1) {
    const corpusCase = cases[Math.floor(next() * cases.length)]!;
    const side = next() < 0.5 ? corpusCase.previous : corpusCase.current;
    const paths = Object.keys(side.files);
    const path = paths[Math.floor(next() * paths.length)]!;
    const mutated: ContractSource = { ...side, files: { ...side.files, [path]: mutate(side.files[path]!, next) } };
    const started = performance.now();
    try {
      protobufEngine.validate(mutated);
      protobufEngine.compare(corpusCase.previous, mutated);
      protobufEngine.compare(mutated, corpusCase.current);
      accepted += 1;
    } catch (error) {
      if (!(error instanceof ContractError)) {
        assert.fail(`seed ${seed} round ${round} (${corpusCase.name} ${path}): not a ContractError: ${(error as Error).stack}`);
      }
      assert.ok(error.location.file, `seed ${seed} round ${round}: no file in ${error.message}`);
      assert.ok(Number.isInteger(error.location.line) && error.location.line! >= 1, `seed ${seed} round ${round}: no line in ${error.message}`);
      rejected += 1;
    }
    assert.ok(performance.now() - started < 2_000, `seed ${seed} round ${round}: took too long`);
  }
  console.log(`fuzzing (seed ${seed}): ${rejected} mutations rejected with a located error, ${accepted} still valid`);
  assert.ok(rejected > 100, 'most mutations break the syntax');
});
