import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../src/contracts/index.ts';
import { decider, planFixture, stepLabels } from './support/plan-fixture.ts';
import { recordEngine } from './support/record-engine.ts';

// Each scenario runs with the registered contract engines and with the small test engine.
const ENGINE_SETS = { registered: ENGINES, test: { jsonschema: recordEngine } };

// The XML-to-JSON switch: a Writer that starts writing JSON breaks a Reader that reads only XML,
// and a Reader that reads only JSON cannot read the XML already stored.

for (const engines of ['registered', 'test'] as const) {
    test(`${engines}: Writer 2 and Reader 2 alone are in lock-step on store:reports; the proposal is a Reader that reads both first`, async () => {
    const { plan } = await planFixture('reader-writer', ['writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@2.0'], ['writer@2.0', 'reader@2.0'], { decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(plan.steps, []);
    assert.equal(plan.lockstep.length, 1);
    const group = plan.lockstep[0]!;
    assert.deepEqual(group.services, ['reader', 'writer']);
    assert.ok(group.bindings.length > 0);
    for (const binding of group.bindings) assert.equal(binding.interface, 'store:reports');
    assert.ok(group.bindings.some((b) => b.rule === 'FORMAT_READ_BY_CONSUMER'), JSON.stringify(group.bindings, null, 2));
    assert.deepEqual(stepLabels(group.proposal), ['build reader@1.1', 'deploy reader@1.1', 'deploy writer@2.0', 'deploy reader@2.0']);
    const build = group.proposal[0]!;
    assert.deepEqual(build.contracts?.map((c) => [c.interface, c.role, c.phase, c.mediaTypes]), [
      ['store:reports', 'consumes', 'expand', ['application/json', 'application/xml']],
    ]);
    assert.match(group.proposal[3]!.reason, /contract step/);
    assert.match(group.proposal[3]!.reason, /writer@1\.0 has expired or been migrated/);
  });

    test(`${engines}: with Reader 1.1 published: Reader first, then Writer; the Reader cannot be rolled back after the Writer step`, async () => {
    const { plan } = await planFixture('reader-writer', ['writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@1.1'], ['writer@2.0', 'reader@1.1'], { decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(plan.lockstep, []);
    assert.deepEqual(stepLabels(plan.steps), ['deploy reader@1.1', 'deploy writer@2.0']);
    const [reader, writer] = plan.steps;
    assert.equal(reader!.verdict?.verdict, 'yes');
    assert.equal(writer!.verdict?.verdict, 'yes');
    assert.equal(reader!.reversible, false);
    assert.equal(reader!.irreversibleAfter, 2);
    assert.match(reader!.reason, /after step 2 \(writer@2\.0\)/);
    assert.equal(writer!.reversible, true);
    assert.match(writer!.reason, /after reader@1\.1/);
  });

    test(`${engines}: targets given in the other order plan the same`, async () => {
    const { plan } = await planFixture('reader-writer', ['writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@1.1'], ['reader@1.1', 'writer@2.0'], { decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(stepLabels(plan.steps), ['deploy reader@1.1', 'deploy writer@2.0']);
  });


  test(`${engines}: when a Reader that reads both is already published, the proposal deploys it instead of building one`, async () => {
    const { plan } = await planFixture('reader-writer', ['writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@1.1', 'reader@2.0'], ['writer@2.0', 'reader@2.0'], { decide: decider(ENGINE_SETS[engines]) });
    assert.deepEqual(plan.lockstep.map((g) => g.services), [['reader', 'writer']]);
    assert.deepEqual(stepLabels(plan.lockstep[0]!.proposal), ['deploy reader@1.1', 'deploy writer@2.0', 'deploy reader@2.0']);
    assert.equal(plan.lockstep[0]!.proposal[0]!.reversible, false);
    assert.equal(plan.lockstep[0]!.proposal[0]!.irreversibleAfter, 2);
  });
}
