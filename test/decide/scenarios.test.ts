import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../src/decide/decide.ts';
import { PairChecker } from '../../src/decide/pair-checker.ts';
import { ENGINES } from '../../src/contracts/index.ts';
import { loadScenarios } from './support/scenario.ts';
import { assertVerdictMatches } from './support/assert-verdict.ts';

const scenarios = loadScenarios();

test('there are at least 40 scenarios', () => {
  assert.ok(scenarios.length >= 40, `only ${scenarios.length} scenario files`);
});

// One checker for the whole table, as a server would hold one: memo hits must not change answers.
const checker = new PairChecker();

for (const scenario of scenarios) {
  const missing = [...scenario.kinds].filter((kind) => !ENGINES[kind]);
  test(scenario.name, { skip: missing.length > 0 ? `waiting for the ${missing.join(', ')} engine` : false }, () => {
    const verdict = decide({
      snapshot: scenario.snapshot,
      versions: scenario.versions,
      candidate: scenario.candidate,
      ignores: scenario.ignores,
      checker,
    });
    assertVerdictMatches(scenario, verdict);
    // Same facts, same answer: a second run through a warm memo is identical.
    assert.deepEqual(decide({ snapshot: scenario.snapshot, versions: scenario.versions, candidate: scenario.candidate, ignores: scenario.ignores, checker }), verdict);
  });
}
