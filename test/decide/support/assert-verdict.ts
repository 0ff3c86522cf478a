import assert from 'node:assert/strict';
import type { Verdict } from '../../../src/decide/verdict.ts';
import type { Scenario } from './scenario.ts';

/** The verdict, the exact set of reason codes, and every counterpart the scenario says must be named. */
export function assertVerdictMatches(scenario: Scenario, verdict: Pick<Verdict, 'verdict' | 'reasons'>): void {
  const explain = () => `${scenario.file}\n${verdict.reasons.map((r) => `  ${r.code} ${r.counterpart ?? ''} ${r.interface ?? ''} ${r.rule ?? ''}: ${r.message}`).join('\n')}`;
  const codes = [...new Set(verdict.reasons.map((reason) => reason.code))].sort();
  assert.equal(verdict.verdict, scenario.expect.verdict, `verdict\n${explain()}`);
  assert.deepEqual(codes, [...new Set(scenario.expect.codes)].sort(), `reason codes\n${explain()}`);
  for (const name of scenario.expect.names ?? []) {
    const [code, counterpart] = name.split(' ');
    assert.ok(
      verdict.reasons.some((reason) => reason.code === code && reason.counterpart === counterpart),
      `expected a ${code} reason naming ${counterpart}\n${explain()}`,
    );
  }
  for (const reason of verdict.reasons) assert.ok(reason.message.length > 20, `every reason has a sentence: ${JSON.stringify(reason)}`);
}
