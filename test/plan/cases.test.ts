import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StepwiseError } from '../../src/model/errors.ts';
import { planChanges } from '../../src/plan/plan-changes.ts';
import { catalogOf, snapshotOf, type EnvironmentSpec, type VersionSpec } from './support/case-builder.ts';
import { decider, parseTarget, stepLabels } from './support/plan-fixture.ts';

interface PlanningCase {
  readonly name: string;
  readonly versions: Readonly<Record<string, VersionSpec>>;
  /** One environment called production, or several in order. */
  readonly env?: EnvironmentSpec;
  readonly envs?: Readonly<Record<string, EnvironmentSpec>>;
  readonly targets: readonly string[];
  readonly expect: {
    readonly steps?: readonly string[];
    /** Each pair: the first step comes before the second. */
    readonly before?: readonly (readonly [string, string])[];
    readonly lockstep?: readonly (readonly string[])[];
    /** `interface RULE` of the first group's bindings (exactly, as a set). */
    readonly bindings?: readonly string[];
    readonly proposal?: readonly string[];
    /** Why the first group has no proposal. */
    readonly noProposal?: RegExp;
    readonly irreversible?: readonly string[];
    readonly error?: RegExp;
  };
}

const CASES: PlanningCase[] = [
  {
    name: 'chain: the provider adds a field, the consumer starts needing it',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,name'] }, 'b@1': { consumes: ['http:a=id'] }, 'b@2': { consumes: ['http:a=id,name'] } },
    env: { live: { a: '1', b: '1' } },
    targets: ['b@2', 'a@2'],
    expect: { steps: ['deploy a@2', 'deploy b@2'] },
  },
  {
    name: 'chain of three: each needs the next one down first',
    versions: {
      'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] },
      'b@1': { provides: ['http:b=id'], consumes: ['http:a=id'] }, 'b@2': { provides: ['http:b=id,y'], consumes: ['http:a=id,x'] },
      'c@1': { consumes: ['http:b=id'] }, 'c@2': { consumes: ['http:b=id,y'] },
    },
    env: { live: { a: '1', b: '1', c: '1' } },
    targets: ['c@2', 'b@2', 'a@2'],
    expect: { steps: ['deploy a@2', 'deploy b@2', 'deploy c@2'] },
  },
  {
    name: 'removal of a field: the consumer stops relying on it first',
    versions: { 'a@1': { provides: ['http:a=id,legacy'] }, 'a@2': { provides: ['http:a=id'] }, 'b@1': { consumes: ['http:a=id,legacy'] }, 'b@2': { consumes: ['http:a=id'] } },
    env: { live: { a: '1', b: '1' } },
    targets: ['a@2', 'b@2'],
    expect: { steps: ['deploy b@2', 'deploy a@2'] },
  },
  {
    name: 'independent changes: no order imposed, input order kept',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] }, 'b@1': { provides: ['http:b=id'] }, 'b@2': { provides: ['http:b=id,y'] } },
    env: { live: { a: '1', b: '1' } },
    targets: ['b@2', 'a@2'],
    expect: { steps: ['deploy b@2', 'deploy a@2'] },
  },
  {
    name: 'diamond: the base first, the top last',
    versions: {
      'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] },
      'b@1': { provides: ['http:b=id'], consumes: ['http:a=id'] }, 'b@2': { provides: ['http:b=id,y'], consumes: ['http:a=id,x'] },
      'c@1': { provides: ['http:c=id'], consumes: ['http:a=id'] }, 'c@2': { provides: ['http:c=id,z'], consumes: ['http:a=id,x'] },
      'd@1': { consumes: ['http:b=id', 'http:c=id'] }, 'd@2': { consumes: ['http:b=id,y', 'http:c=id,z'] },
    },
    env: { live: { a: '1', b: '1', c: '1', d: '1' } },
    targets: ['d@2', 'c@2', 'b@2', 'a@2'],
    expect: { before: [['deploy a@2', 'deploy b@2'], ['deploy a@2', 'deploy c@2'], ['deploy b@2', 'deploy d@2'], ['deploy c@2', 'deploy d@2']] },
  },
  {
    name: 'cycle of orderable pairs: three services each needing the next one first are in lock-step',
    versions: {
      'a@1': { provides: ['http:a=id'], consumes: ['http:c=id'] }, 'a@2': { provides: ['http:a=id,x'], consumes: ['http:c=id,z'] },
      'b@1': { provides: ['http:b=id'], consumes: ['http:a=id'] }, 'b@2': { provides: ['http:b=id,y'], consumes: ['http:a=id,x'] },
      'c@1': { provides: ['http:c=id'], consumes: ['http:b=id'] }, 'c@2': { provides: ['http:c=id,z'], consumes: ['http:b=id,y'] },
    },
    env: { live: { a: '1', b: '1', c: '1' } },
    targets: ['a@2', 'b@2', 'c@2'],
    expect: {
      steps: [],
      lockstep: [['a', 'b', 'c']],
      bindings: ['http:a PROPERTY_WRITTEN_FOR_READER', 'http:b PROPERTY_WRITTEN_FOR_READER', 'http:c PROPERTY_WRITTEN_FOR_READER'],
      proposal: ['build a@1.1', 'deploy a@1.1', 'deploy b@2', 'deploy c@2', 'deploy a@2'],
    },
  },
  {
    name: 'rename: neither order works; a consumer tolerating both names breaks the lock',
    versions: { 'a@1': { provides: ['http:a=id,name'] }, 'a@2': { provides: ['http:a=id,title'] }, 'b@1': { consumes: ['http:a=id,name'] }, 'b@2': { consumes: ['http:a=id,title'] } },
    env: { live: { a: '1', b: '1' } },
    targets: ['a@2', 'b@2'],
    expect: { steps: [], lockstep: [['a', 'b']], bindings: ['http:a PROPERTY_WRITTEN_FOR_READER'], proposal: ['build b@1.1', 'deploy b@1.1', 'deploy a@2', 'deploy b@2'] },
  },
  {
    name: 'new provider: its first deployment comes before the consumer that requires it',
    versions: { 'q@1': { provides: ['http:q=id'] }, 'b@1': {}, 'b@2': { consumes: ['http:q=id'] } },
    env: { live: { b: '1' } },
    targets: ['b@2', 'q@1'],
    expect: { steps: ['deploy q@1', 'deploy b@2'] },
  },
  {
    name: 'new consumer of an unchanged provider: one step',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'n@1': { consumes: ['http:a=id'] } },
    env: { live: { a: '1' } },
    targets: ['n@1'],
    expect: { steps: ['deploy n@1'] },
  },
  {
    name: 'two new services: provider first',
    versions: { 'p@1': { provides: ['event:p=id'] }, 'c@1': { consumes: ['event:p=id'] } },
    env: {},
    targets: ['c@1', 'p@1'],
    expect: { steps: ['deploy p@1', 'deploy c@1'] },
  },
  {
    name: 'removal: the consumer moves off the service before it goes',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'b@1': { consumes: ['http:a=id'] }, 'b@2': {} },
    env: { live: { a: '1', b: '1' } },
    targets: ['a@-', 'b@2'],
    expect: { steps: ['deploy b@2', 'undeploy a@-'] },
  },
  {
    name: 'removal blocked: an unchanged consumer still requires the service',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'c@1': { consumes: ['http:a=id'] } },
    env: { live: { a: '1', c: '1' } },
    targets: ['a@-'],
    expect: { steps: [], lockstep: [['a']], bindings: ['http:a PROVIDER_MISSING'] },
  },
  {
    name: 'optional dependency behind a flag that is off: the consumer may go first; the flag after the provider',
    versions: { 'q@1': { provides: ['http:q=id'] }, 'b@1': {}, 'b@2': { consumes: ['http:q=id!use-q'] } },
    env: { live: { b: '1' }, flags: { 'use-q': false } },
    targets: ['b@2', 'q@1'],
    expect: { steps: ['deploy b@2', 'deploy q@1', 'enable-flag use-q'] },
  },
  {
    name: 'flag already on: the dependency counts as required, so the provider goes first',
    versions: { 'q@1': { provides: ['http:q=id'] }, 'b@1': {}, 'b@2': { consumes: ['http:q=id!use-q'] } },
    env: { live: { b: '1' }, flags: { 'use-q': true } },
    targets: ['b@2', 'q@1'],
    expect: { steps: ['deploy q@1', 'deploy b@2'] },
  },
  {
    name: 'optional dependency without a flag: no order and no flag step',
    versions: { 'q@1': { provides: ['http:q=id'] }, 'b@1': {}, 'b@2': { consumes: ['http:q=id?'] } },
    env: { live: { b: '1' } },
    targets: ['b@2', 'q@1'],
    expect: { steps: ['deploy b@2', 'deploy q@1'] },
  },
  {
    name: 'flag with no provider anywhere: no flag step is planned',
    versions: { 'b@1': {}, 'b@2': { consumes: ['http:q=id!use-q'] } },
    env: { live: { b: '1' } },
    targets: ['b@2'],
    expect: { steps: ['deploy b@2'] },
  },
  {
    name: 'removal of a provider used behind a flag that is on: the flag goes off first',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'c@1': { consumes: ['http:a=id!use-a'] } },
    env: { live: { a: '1', c: '1' }, flags: { 'use-a': true } },
    targets: ['a@-'],
    expect: { steps: ['disable-flag use-a', 'undeploy a@-'] },
  },
  {
    name: 'stored data: a reader of both formats goes first and cannot be undone once the writer switched',
    versions: {
      'w@1': { provides: ['store:r~application/xml=id'] }, 'w@2': { provides: ['store:r~application/json=id'] },
      'r@1': { consumes: ['store:r~application/xml=id'] }, 'r@2': { consumes: ['store:r~application/xml=id|application/json=id'] },
    },
    env: { live: { w: '1', r: '1' } },
    targets: ['w@2', 'r@2'],
    expect: { steps: ['deploy r@2', 'deploy w@2'], irreversible: ['deploy r@2'] },
  },
  {
    name: 'stored data past its retention no longer binds the reader',
    versions: {
      'w@1': { provides: ['store:r~application/xml=id@7d'] }, 'w@2': { provides: ['store:r~application/json=id@7d'] },
      'r@1': { consumes: ['store:r~application/xml=id|application/json=id'] }, 'r@2': { consumes: ['store:r~application/json=id'] },
    },
    env: { live: { w: '2', r: '1' }, past: [{ version: 'w@1', endedDaysAgo: 10 }] },
    targets: ['r@2'],
    expect: { steps: ['deploy r@2'] },
  },
  {
    name: 'stored data within retention blocks the reader that dropped its format',
    versions: {
      'w@1': { provides: ['store:r~application/xml=id@30d'] }, 'w@2': { provides: ['store:r~application/json=id@30d'] },
      'r@1': { consumes: ['store:r~application/xml=id|application/json=id'] }, 'r@2': { consumes: ['store:r~application/json=id'] },
    },
    env: { live: { w: '2', r: '1' }, past: [{ version: 'w@1', endedDaysAgo: 10 }] },
    targets: ['r@2'],
    expect: { steps: [], lockstep: [['r', 'w']], bindings: ['store:r FORMAT_READ_BY_CONSUMER'] },
  },
  {
    name: 'events: a consumer that requires a new field is bound to old events until they expire',
    versions: {
      'p@1': { provides: ['event:e=id@1d'] }, 'p@2': { provides: ['event:e=id,kind@1d'] },
      'c@1': { consumes: ['event:e=id'] }, 'c@2': { consumes: ['event:e=id,kind'] },
    },
    env: { live: { p: '1', c: '1' } },
    targets: ['c@2', 'p@2'],
    expect: { steps: [], lockstep: [['c', 'p']], proposal: ['build c@1.1', 'deploy c@1.1', 'deploy p@2', 'deploy c@2'] },
  },
  {
    name: 'two versions of one service follow each other, and a consumer waits for the second',
    versions: {
      'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] }, 'a@3': { provides: ['http:a=id,x,y'] },
      'b@1': { consumes: ['http:a=id'] }, 'b@2': { consumes: ['http:a=id,y'] },
    },
    env: { live: { a: '1', b: '1' } },
    targets: ['b@2', 'a@2', 'a@3'],
    expect: { steps: ['deploy a@2', 'deploy a@3', 'deploy b@2'] },
  },
  {
    name: 'versions of one service listed newest first still go out in version order',
    versions: {
      's@1.0': { provides: ['http:s=id'] }, 's@1.1': { provides: ['http:s=id,x'] }, 's@2.0': { provides: ['http:s=id,x,y'] },
      'r@1': { consumes: ['http:s=id'] }, 'r@2': { consumes: ['http:s=id,x'] },
    },
    env: { live: { s: '1.0', r: '1' } },
    targets: ['s@2.0', 'r@2', 's@1.0', 's@1.1'],
    expect: { steps: ['deploy s@1.1', 'deploy r@2', 'deploy s@2.0'] },
  },
  {
    name: 'a target already live is no step',
    versions: { 'a@1': { provides: ['http:a=id'] } },
    env: { live: { a: '1' } },
    targets: ['a@1'],
    expect: { steps: [] },
  },
  {
    name: 'an unpublished target version is bad input',
    versions: { 'a@1': { provides: ['http:a=id'] } },
    env: { live: { a: '1' } },
    targets: ['a@9'],
    expect: { error: /a@9 is not published/ },
  },
  {
    name: 'removing a service that is not there is bad input',
    versions: { 'a@1': { provides: ['http:a=id'] } },
    env: {},
    targets: ['a@-'],
    expect: { error: /cannot remove a/ },
  },
  {
    name: 'several environments: each planned on its own state, in order',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] }, 'b@1': { consumes: ['http:a=id'] }, 'b@2': { consumes: ['http:a=id,x'] } },
    envs: { staging: { live: { a: '2', b: '1' } }, production: { live: { a: '1', b: '1' } } },
    targets: ['b@2', 'a@2'],
    expect: { steps: ['deploy b@2', 'deploy a@2', 'deploy b@2'] },
  },
  {
    name: 'field removal with two consumers: both move off before the provider',
    versions: {
      'a@1': { provides: ['http:a=id,old'] }, 'a@2': { provides: ['http:a=id'] },
      'b@1': { consumes: ['http:a=id,old'] }, 'b@2': { consumes: ['http:a=id'] }, 'c@1': { consumes: ['http:a=id,old'] }, 'c@2': { consumes: ['http:a=id'] },
    },
    env: { live: { a: '1', b: '1', c: '1' } },
    targets: ['a@2', 'b@2', 'c@2'],
    expect: { before: [['deploy b@2', 'deploy a@2'], ['deploy c@2', 'deploy a@2']] },
  },
  {
    name: 'a lock-step pair does not hold back an unrelated change',
    versions: {
      'a@1': { provides: ['http:a=id,name'] }, 'a@2': { provides: ['http:a=id,title'] }, 'b@1': { consumes: ['http:a=id,name'] }, 'b@2': { consumes: ['http:a=id,title'] },
      'z@1': { provides: ['http:z=id'] }, 'z@2': { provides: ['http:z=id,v'] },
    },
    env: { live: { a: '1', b: '1', z: '1' } },
    targets: ['a@2', 'b@2', 'z@2'],
    expect: { steps: ['deploy z@2'], lockstep: [['a', 'b']] },
  },
  {
    name: 'a step refused on the whole environment holds back what depends on it, not an unrelated change after it',
    versions: {
      'a@1': { provides: ['http:a=id'] },
      'b@1': { provides: ['http:b=id'], consumes: ['http:a=id'] }, 'b@2': { provides: ['http:b=id,w'], consumes: ['http:a=id,x'] },
      'c@1': { consumes: ['http:b=id'] }, 'c@2': { consumes: ['http:b=id,w'] },
      'z@1': { provides: ['http:z=id'] }, 'z@2': { provides: ['http:z=id,v'] },
    },
    env: { live: { a: '1', b: '1', c: '1', z: '1' } },
    targets: ['b@2', 'c@2', 'z@2'],
    expect: { steps: ['deploy z@2'], lockstep: [['a', 'b']] },
  },
  {
    name: 'a lock-step group larger than the search limit says plainly that no proposal was searched for',
    // Nine services in a ring, each needing the next one's new field first.
    versions: Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [
        [`s${i}@1`, { provides: [`http:s${i}=id`], consumes: [`http:s${(i + 1) % 9}=id`] }],
        [`s${i}@2`, { provides: [`http:s${i}=id,f`], consumes: [`http:s${(i + 1) % 9}=id,f`] }],
      ]).flat(),
    ),
    env: { live: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i}`, '1'])) },
    targets: Array.from({ length: 9 }, (_, i) => `s${i}@2`),
    expect: { steps: [], lockstep: [Array.from({ length: 9 }, (_, i) => `s${i}`).sort()], noProposal: /^not searched: the group has 9 changes, more than the 8/ },
  },
  {
    name: 'what depends on a lock-step group waits for it',
    versions: {
      'a@1': { provides: ['http:a=id,name'] }, 'a@2': { provides: ['http:a=id,title'] },
      'b@1': { provides: ['http:b=id'], consumes: ['http:a=id,name'] }, 'b@2': { provides: ['http:b=id,w'], consumes: ['http:a=id,title'] },
      'd@1': { consumes: ['http:b=id'] }, 'd@2': { consumes: ['http:b=id,w'] },
    },
    env: { live: { a: '1', b: '1', d: '1' } },
    targets: ['a@2', 'b@2', 'd@2'],
    expect: { steps: [], lockstep: [['a', 'b']] },
  },
  {
    name: 'an unchanged provider that lacks what the target needs blocks it',
    versions: { 'a@1': { provides: ['http:a=id'] }, 'b@1': { consumes: ['http:a=id'] }, 'b@2': { consumes: ['http:a=id,x'] } },
    env: { live: { a: '1', b: '1' } },
    targets: ['b@2'],
    expect: { steps: [], lockstep: [['a', 'b']], bindings: ['http:a PROPERTY_WRITTEN_FOR_READER'], noProposal: /^none found/ },
  },
  {
    name: 'a provider that both adds and keeps fields goes before consumers that need the new one',
    versions: {
      'a@1': { provides: ['http:a=id'] }, 'a@2': { provides: ['http:a=id,x'] },
      'b@1': { consumes: ['http:a=id'] }, 'b@2': { consumes: ['http:a=id,x'] }, 'c@1': { consumes: ['http:a=id'] }, 'c@2': { consumes: ['http:a=id,x'] },
    },
    env: { live: { a: '1', b: '1', c: '1' } },
    targets: ['c@2', 'b@2', 'a@2'],
    expect: { steps: ['deploy a@2', 'deploy c@2', 'deploy b@2'] },
  },
];

// Each case runs with decide() alone and with plain pairs judged from the pair checker's memo.
for (const planning of CASES) for (const fast of [false, true]) {
  test(`${planning.name}${fast ? ' (pair memo)' : ''}`, () => {
    const environments = planning.envs
      ? Object.entries(planning.envs).map(([name, spec]) => snapshotOf(name, spec))
      : [snapshotOf('production', planning.env ?? {})];
    const judge = decider();
    const run = () => planChanges({ environments, versions: catalogOf(planning.versions), targets: planning.targets.map(parseTarget), decide: judge, ...(fast ? { checker: judge.checker } : {}) });
    const { expect } = planning;
    if (expect.error) {
      assert.throws(run, (error: unknown) => error instanceof StepwiseError && error.code === 'BAD_INPUT' && expect.error!.test(error.message));
      return;
    }
    const { plan } = run();
    const labels = stepLabels(plan.steps);
    const explain = JSON.stringify(plan, null, 1);
    if (expect.steps) assert.deepEqual(labels, expect.steps, explain);
    for (const [first, second] of expect.before ?? []) {
      assert.ok(labels.includes(first) && labels.includes(second), `${first} and ${second} are steps: ${labels.join(', ')}`);
      assert.ok(labels.indexOf(first) < labels.indexOf(second), `${first} before ${second}: ${labels.join(', ')}`);
    }
    assert.deepEqual(plan.lockstep.map((group) => group.services), expect.lockstep ?? [], explain);
    if (expect.bindings) {
      assert.deepEqual([...new Set(plan.lockstep[0]!.bindings.map((b) => `${b.interface} ${b.rule}`))].sort(), [...expect.bindings].sort(), explain);
      for (const binding of plan.lockstep[0]!.bindings) assert.ok(binding.message.length > 20);
    }
    if (expect.proposal) assert.deepEqual(stepLabels(plan.lockstep[0]!.proposal), expect.proposal, explain);
    if (expect.noProposal) {
      assert.deepEqual(plan.lockstep[0]!.proposal, [], explain);
      assert.match(plan.lockstep[0]!.noProposal ?? '', expect.noProposal, explain);
    }
    for (const step of plan.steps) assert.notEqual(step.verdict?.verdict, 'no');
    const irreversible = plan.steps.filter((step) => !step.reversible);
    assert.deepEqual(stepLabels(irreversible), expect.irreversible ?? [], explain);
  });
}

test('the table holds at least 25 planning cases', () => {
  assert.ok(CASES.length >= 25, `${CASES.length} cases`);
});
