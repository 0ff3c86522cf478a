import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../src/contracts/index.ts';
import { decider, planFixture, stepLabels } from './support/plan-fixture.ts';
import { recordEngine } from './support/record-engine.ts';

// Each scenario runs with the registered contract engines and with the small test engine.
const ENGINE_SETS = { registered: ENGINES, test: { jsonschema: recordEngine } };

// George Lutz's technical schedule: queue, enqueueing code, worker, data store, read path, flag.
const DIRS = ['queue@1.0', 'api@1.0', 'api@2.0', 'worker@1.0', 'results-db@1.0', 'api@3.0'];
const ARTICLE_ORDER = [
  'deploy queue@1.0',
  'deploy api@2.0',
  'deploy worker@1.0',
  'deploy results-db@1.0',
  'deploy api@3.0',
  'enable-flag reports-from-store',
];

for (const engines of ['registered', 'test'] as const) {
    test(`${engines}: the planner derives the order of the article from the manifests`, async () => {
    const { plan } = await planFixture('lutz', DIRS, ['api@2.0', 'api@3.0', 'results-db@1.0', 'worker@1.0', 'queue@1.0'], { environments: ['production'], decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(plan.lockstep, []);
    assert.deepEqual(stepLabels(plan.steps), ARTICLE_ORDER);
    for (const step of plan.steps) {
      assert.equal(step.verdict?.verdict, 'yes', `${step.action} ${step.service ?? step.flag}: ${JSON.stringify(step.verdict)}`);
      assert.equal(step.reversible, true, `${step.service ?? step.flag} is reversible: ${step.reason}`);
    }
    assert.match(plan.steps[0]!.reason, /first deployment/);
    assert.match(plan.steps[2]!.reason, /after .*queue@1\.0/);
    assert.match(plan.steps[2]!.reason, /api@2\.0/);
    assert.match(plan.steps[5]!.reason, /after .*results-db@1\.0/);
  });

    test(`${engines}: several environments: staging first, then production, each with the same schedule`, async () => {
    const { plan } = await planFixture('lutz', DIRS, ['queue@1.0', 'api@2.0', 'worker@1.0', 'results-db@1.0', 'api@3.0'], { environments: ['staging', 'production'], decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(plan.environments, ['staging', 'production']);
    assert.deepEqual(stepLabels(plan.steps), [...ARTICLE_ORDER, ...ARTICLE_ORDER]);
    assert.deepEqual(plan.steps.map((s) => s.environment), [...Array(6).fill('staging'), ...Array(6).fill('production')]);
  });

    test(`${engines}: without the enqueueing version, the worker has no producer of its jobs and must wait for one`, async () => {
    const { plan } = await planFixture('lutz', DIRS, ['queue@1.0', 'worker@1.0'], { environments: ['production'], decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(stepLabels(plan.steps), ['deploy queue@1.0']);
    assert.equal(plan.lockstep.length, 1);
    assert.deepEqual(plan.lockstep[0]!.bindings.map((b) => [b.interface, b.rule]), [['event:report-jobs', 'PROVIDER_MISSING']]);
  });

}
