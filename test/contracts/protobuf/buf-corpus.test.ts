import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protobufEngine } from '../../../src/contracts/protobuf/protobuf-engine.ts';
import { corpusCaseNames, loadCorpusCase, scoreCase } from './buf-corpus.ts';

test('reproduces buf breaking on the 58 buf cases: >= 98% of expected findings, extra findings < 2%', async () => {
  const names = corpusCaseNames();
  assert.equal(names.length, 58, 'the buf corpus has 58 cases');
  let expected = 0;
  let reproduced = 0;
  let extra = 0;
  const problems: string[] = [];
  for (const name of names) {
    const corpusCase = await loadCorpusCase(name);
    const score = scoreCase(corpusCase.expected, protobufEngine.compare(corpusCase.previous, corpusCase.current));
    expected += corpusCase.expected.length;
    reproduced += score.reproduced;
    extra += score.extra.length;
    for (const missed of score.missed) problems.push(`${name} missed ${missed}`);
    for (const more of score.extra) problems.push(`${name} extra ${more}`);
  }
  const reproducedShare = reproduced / expected;
  const extraShare = extra / expected;
  console.log(`buf corpus: ${reproduced}/${expected} expected findings reproduced (${(100 * reproducedShare).toFixed(2)}%), ` +
    `${extra} extra (${(100 * extraShare).toFixed(2)}%)`);
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  assert.ok(expected >= 700, `expected findings were read (${expected})`);
  assert.ok(reproducedShare >= 0.98, `reproduced ${(100 * reproducedShare).toFixed(2)}% < 98%`);
  assert.ok(extraShare < 0.02, `extra findings ${(100 * extraShare).toFixed(2)}% >= 2%`);
});
