import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishedVersion } from '../../src/model/snapshot.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { catalogOf } from './support/case-builder.ts';
import { randomSystem } from './support/random-system.ts';

/**
 * The property again, end to end: random systems are published to the real server, their current
 * versions recorded, a plan is asked of the API, and each step is executed with the server's
 * checked deployment (can-i-deploy and record under the environment lock). Every step of a plan
 * must be accepted, in order, and the plan must reach its targets.
 */
let server: TestServer;
before(async () => {
  server = await startTestServer({ store: 'sqlite' });
});
after(() => server.close());

function publication(version: PublishedVersion) {
  return {
    version: version.version,
    provides: version.provides.map((entry) => ({ interface: entry.interface, kind: entry.kind, ...(entry.contract ? { contract: entry.contract } : {}), ...(entry.formats ? { formats: entry.formats } : {}) })),
    consumes: version.consumes.map((entry) => ({
      interface: entry.interface,
      kind: entry.kind,
      required: entry.required,
      ...(entry.contract ? { contract: entry.contract } : {}),
      ...(entry.flag ? { flag: entry.flag } : {}),
    })),
  };
}

test('plans from the store pass the server\'s checked deployments step by step', async () => {
  let executed = 0;
  let blocked = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const system = randomSystem(seed, { flags: false });
    const environment = `env-${seed}`;
    // Services are named per seed so the systems do not meet in the one registry.
    const name = (service: string) => `r${seed}-${service}`;
    assert.equal((await server.request('POST', '/v1/environments', { name: environment })).status, 201);
    const catalog = catalogOf(system.versions);
    for (const version of catalog.values()) {
      const renamed = JSON.parse(JSON.stringify(publication(version)).replace(/http:s(\d+)/g, `http:r${seed}-s$1`));
      const response = await server.request('POST', `/v1/services/${name(version.service)}/versions`, renamed);
      assert.equal(response.status, 201, JSON.stringify(response.body));
    }
    for (const [service, version] of Object.entries(system.env.live ?? {})) {
      assert.equal((await server.request('POST', `/v1/environments/${environment}/deployments`, { service: name(service), version, kind: 'deployed' })).status, 201);
    }
    const targets = system.targets.map((text) => ({ service: name(text.split('@')[0]!), version: text.split('@')[1]! }));
    const created = await server.request('POST', '/v1/plans', { environments: [environment], targets });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const plan = created.body.plan as { steps: { action: string; service: string; version: string }[]; lockstep: unknown[] };
    if (plan.lockstep.length > 0) blocked++;
    for (const [i, step] of plan.steps.entries()) {
      assert.equal(step.action, 'deploy', `seed ${seed}: only deploys without flags or removals`);
      const outcome = await server.request('POST', `/v1/environments/${environment}/checked-deployments`, { service: step.service, version: step.version });
      assert.equal(outcome.status, 201, `seed ${seed} step ${i + 1} ${step.service}@${step.version}: ${JSON.stringify(outcome.body.decision?.reasons ?? outcome.body)}`);
      executed++;
    }
    if (plan.lockstep.length === 0) {
      // Everything reached: planning the same targets again leaves nothing to do.
      const again = await server.request('POST', '/v1/plans', { environments: [environment], targets });
      assert.deepEqual([again.body.plan.steps, again.body.plan.lockstep], [[], []], `seed ${seed}: targets reached`);
    }
  }
  assert.ok(executed > 20 && blocked > 0, `executed ${executed} steps, ${blocked} plans blocked`);
});
