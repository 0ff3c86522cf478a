import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../src/decide/decide.ts';
import { PairChecker } from '../../src/decide/pair-checker.ts';
import type { EnvironmentSnapshot, LiveVersion, VersionCatalog } from '../../src/model/snapshot.ts';
import { planChanges } from '../../src/plan/plan-changes.ts';
import type { PlanStep } from '../../src/plan/plan.ts';
import { catalogOf, snapshotOf } from './support/case-builder.ts';
import { parseTarget } from './support/plan-fixture.ts';
import { randomSystem } from './support/random-system.ts';
import { recordEngine } from './support/record-engine.ts';

const checker = new PairChecker({ engines: { jsonschema: recordEngine } });

/**
 * Replays a plan on the whole environment, independently of the planner's own bookkeeping: after
 * every step, every live service must still be deployable where it stands (no "no" anywhere), and
 * each deploy must itself be a yes for can-i-deploy before it happens.
 */
function replay(snapshot: EnvironmentSnapshot, versions: VersionCatalog, steps: readonly PlanStep[]): EnvironmentSnapshot {
  let state = snapshot;
  steps.forEach((step, i) => {
    const at = new Date(Date.parse(snapshot.at) + (i + 1) * 60_000).toISOString();
    if (step.action === 'deploy') {
      const verdict = decide({ snapshot: { ...state, at }, versions, candidate: { service: step.service!, version: step.version! }, checker });
      assert.notEqual(verdict.verdict, 'no', `step ${i + 1} deploy ${step.service}@${step.version}: ${verdict.reasons.map((r) => r.message).join('; ')}`);
      const live: LiveVersion[] = [...state.live.filter((x) => x.service !== step.service), { service: step.service!, version: step.version!, target: 'default', mode: 'deployed', since: at }];
      const history = [...state.history.map((s) => (s.service === step.service && s.to === undefined ? { ...s, to: at } : s)), { service: step.service!, version: step.version!, from: at }];
      state = { ...state, at, live, history };
    } else if (step.action === 'undeploy') {
      state = { ...state, at, live: state.live.filter((x) => x.service !== step.service), history: state.history.map((s) => (s.service === step.service && s.to === undefined ? { ...s, to: at } : s)) };
    } else if (step.action === 'enable-flag' || step.action === 'disable-flag') {
      state = { ...state, at, flags: { ...state.flags, [step.flag!]: step.action === 'enable-flag' } };
    }
    for (const live of state.live) {
      const verdict = decide({ snapshot: state, versions, candidate: { service: live.service, version: live.version }, checker });
      assert.notEqual(verdict.verdict, 'no', `after step ${i + 1}, ${live.service}@${live.version} is broken: ${verdict.reasons.map((r) => r.message).join('; ')}`);
    }
  });
  return state;
}

test('on random systems, every plan returned passes can-i-deploy step by step, and a plan without lock-step reaches every target', () => {
  let planned = 0;
  let blocked = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const system = randomSystem(seed);
    const versions = catalogOf(system.versions);
    const snapshot = snapshotOf('production', system.env);
    const targets = system.targets.map(parseTarget);
    const { plan } = planChanges({ environments: [snapshot], versions, targets, decide: (input) => decide({ ...input, checker }) });
    // Judging plain pairs from the pair memo must not change the plan, only its cost.
    const fast = planChanges({ environments: [snapshot], versions, targets, decide: (input) => decide({ ...input, checker }), checker }).plan;
    assert.deepEqual(fast.steps.map((s) => [s.action, s.service, s.version, s.flag, s.reversible]), plan.steps.map((s) => [s.action, s.service, s.version, s.flag, s.reversible]), `seed ${seed}: same steps`);
    assert.deepEqual(fast.lockstep.map((g) => g.services), plan.lockstep.map((g) => g.services), `seed ${seed}: same lock-step groups`);
    assert.deepEqual(
      fast.steps.map((s) => [s.verdict?.verdict, s.verdict?.reasons.map((r) => r.code)]),
      plan.steps.map((s) => [s.verdict?.verdict, s.verdict?.reasons.map((r) => r.code)]),
      `seed ${seed}: same verdicts`,
    );
    try {
      const end = replay(snapshot, versions, plan.steps);
      if (plan.lockstep.length === 0) {
        planned++;
        for (const target of targets) assert.ok(end.live.some((x) => x.service === target.service && x.version === target.version), `${target.service}@${target.version} reached`);
      } else {
        blocked++;
        for (const group of plan.lockstep) assert.ok(group.bindings.length > 0, 'every lock-step group names what binds it');
      }
    } catch (error) {
      throw new Error(`seed ${seed}: ${(error as Error).message}\n${JSON.stringify({ system, steps: plan.steps.map((s) => `${s.action} ${s.service ?? s.flag}@${s.version ?? ''}`), lockstep: plan.lockstep.map((g) => g.services) }, null, 1)}`);
    }
  }
  // Both outcomes must occur, or the generator is not exercising the planner.
  assert.ok(planned > 20 && blocked > 5, `planned ${planned}, blocked ${blocked}`);
});
