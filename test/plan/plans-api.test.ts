import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildPublication } from '../../src/manifest/build-publication.ts';
import { readManifest } from '../../src/manifest/read-manifest.ts';
import { runCli } from '../support/cli.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { FIXTURES } from './support/plan-fixture.ts';

/** Publishes fixture directories (named service@version) through the real API. */
async function publish(server: TestServer, scenario: string, dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const [service, version] = dir.split('@') as [string, string];
    const publication = await buildPublication(await readManifest(join(FIXTURES, scenario, dir, 'stepwise.yaml')), { version });
    const response = await server.request('POST', `/v1/services/${service}/versions`, publication);
    assert.equal(response.status, 201, JSON.stringify(response.body));
  }
}

for (const store of ['sqlite', 'postgres'] as const) {
  describe(`plans over the API (${store})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ store });
      await publish(server, 'reader-writer', ['writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@1.1', 'reader@2.0']);
      await publish(server, 'lutz', ['api@1.0', 'api@2.0', 'api@3.0', 'queue@1.0', 'worker@1.0', 'results-db@1.0']);
      for (const name of ['staging', 'production']) assert.equal((await server.request('POST', '/v1/environments', { name })).status, 201);
      for (const [service, version] of [['writer', '1.0'], ['reader', '1.0'], ['api', '1.0']] as const) {
        for (const env of ['staging', 'production']) {
          const recorded = await server.request('POST', `/v1/environments/${env}/deployments`, { service, version, kind: 'deployed' });
          assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
        }
      }
    });
    after(() => server.close());

    test('a plan is computed from the registry, stored with pending steps, and read back', async () => {
      const created = await server.request('POST', '/v1/plans', { environments: ['production'], targets: [{ service: 'writer', version: '2.0' }, { service: 'reader', version: '1.1' }] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.outcome, 'ready');
      const steps = created.body.plan.steps as { action: string; service: string; version: string; reversible: boolean; irreversibleAfter?: number; verdict: { verdict: string } }[];
      assert.deepEqual(steps.map((s) => `${s.service}@${s.version}`), ['reader@1.1', 'writer@2.0']);
      assert.equal(steps[0]!.reversible, false);
      assert.equal(steps[0]!.irreversibleAfter, 2);
      assert.equal(steps[1]!.verdict.verdict, 'yes');
      const read = await server.request('GET', `/v1/plans/${created.body.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.plan, created.body.plan);
      assert.deepEqual(read.body.progress.map((p: { position: number; status: string }) => [p.position, p.status]), [[1, 'pending'], [2, 'pending']]);
      const list = await server.request('GET', '/v1/plans?environment=production');
      assert.ok(list.body.plans.some((plan: { id: number }) => plan.id === created.body.id));
      const audit = await server.request('GET', '/v1/audit');
      assert.equal(audit.status, 200);
      assert.ok(JSON.stringify(audit.body).includes(`plan:${created.body.id}`));
    });

    test('lock-step is stored as a blocked plan with its bindings and proposal', async () => {
      const created = await server.request('POST', '/v1/plans', { environments: ['production'], targets: [{ service: 'writer', version: '2.0' }, { service: 'reader', version: '2.0' }] });
      assert.equal(created.status, 201);
      assert.equal(created.body.outcome, 'blocked');
      const group = created.body.plan.lockstep[0];
      assert.deepEqual(group.services, ['reader', 'writer']);
      assert.ok(group.bindings.every((b: { interface: string }) => b.interface === 'store:reports'));
      // reader@1.1 is published and reads both formats: the proposal uses it rather than building one.
      assert.deepEqual(group.proposal.map((s: { action: string; service: string; version: string }) => `${s.action} ${s.service}@${s.version}`), ['deploy reader@1.1', 'deploy writer@2.0', 'deploy reader@2.0']);
      assert.match(group.proposal[0].reason, /the published reader@1\.1 accepts both/);
    });

    test('the Lutz schedule through staging then production', async () => {
      const targets = ['queue@1.0', 'api@2.0', 'worker@1.0', 'results-db@1.0', 'api@3.0'].map((t) => ({ service: t.split('@')[0], version: t.split('@')[1] }));
      const created = await server.request('POST', '/v1/plans', { environments: ['staging', 'production'], targets });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const labels = created.body.plan.steps.map((s: { environment: string; action: string; service?: string; version?: string; flag?: string }) => `${s.environment} ${s.action} ${s.flag ?? `${s.service}@${s.version}`}`);
      const order = ['deploy queue@1.0', 'deploy api@2.0', 'deploy worker@1.0', 'deploy results-db@1.0', 'deploy api@3.0', 'enable-flag reports-from-store'];
      assert.deepEqual(labels, [...order.map((x) => `staging ${x}`), ...order.map((x) => `production ${x}`)]);
    });

    test('bad input: unknown environment 404, unpublished version 400, no token 401', async () => {
      assert.equal((await server.request('POST', '/v1/plans', { environments: ['nowhere'], targets: [{ service: 'writer', version: '2.0' }] })).status, 404);
      const unpublished = await server.request('POST', '/v1/plans', { environments: ['production'], targets: [{ service: 'writer', version: '9.9' }] });
      assert.equal(unpublished.status, 400);
      assert.equal(unpublished.body.error.code, 'BAD_INPUT');
      assert.equal(unpublished.body.error.where.pointer, '/targets/0');
      assert.equal((await server.request('POST', '/v1/plans', { environments: ['production'], targets: [{ service: 'writer', version: '2.0' }] }, null)).status, 401);
      assert.equal((await server.request('GET', '/v1/plans/999999')).status, 404);
    });

    if (store === 'sqlite') {
      test('the real CLI plans over the API: exit 0 for a plan and 1 for lock-step, JSON with the stored id', async () => {
        const env = { STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken };
        const ready = await runCli(['plan', '--env', 'production', '--target', 'writer@2.0', '--target', 'reader@1.1', '--json'], { env });
        assert.equal(ready.code, 0, ready.stderr);
        const json = JSON.parse(ready.stdout) as { id: number; steps: { service: string }[] };
        assert.ok(json.id > 0);
        assert.deepEqual(json.steps.map((s) => s.service), ['reader', 'writer']);
        const blocked = await runCli(['plan', '--env', 'production', '--target', 'writer@2.0', '--target', 'reader@2.0'], { env });
        assert.equal(blocked.code, 1, blocked.stderr);
        assert.match(blocked.stdout, /Lock-step: reader, writer/);
      });
    }
  });
}
