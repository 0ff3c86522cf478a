import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemStorageProvider, Unleash } from 'unleash-client';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import type { FlagDefinition } from '../../src/flags/evaluate/flag-definition.ts';
import { generatedContexts } from './support/generated-contexts.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// An unmodified Unleash SDK pointed at Stepwise's Unleash-compatible client API over loopback.
let server: TestServer;
let unleash: Unleash;
const problems: string[] = [];

const definition: FlagDefinition = {
  name: 'recommendations',
  enabled: true,
  strategies: [
    {
      name: 'flexibleRollout',
      parameters: { rollout: 40, stickiness: 'userId', groupId: 'recs' },
      constraints: [{ contextName: 'country', operator: 'NOT_IN', values: ['FR'] }],
    },
  ],
  variants: [
    { name: 'collaborative', weight: 700, payload: { type: 'string', value: 'cf' } },
    { name: 'popular', weight: 300 },
  ],
};

before(async () => {
  server = await startTestServer({ store: 'sqlite' });
  await server.request('POST', '/v1/environments', { name: 'production' });
  await server.request('POST', '/v1/flags', { name: 'recommendations' });
  const { strategies, variants } = definition;
  const set = await server.request('POST', '/v1/environments/production/flags/recommendations/changes', { change: { kind: 'update', enabled: true, strategies, variants }, reason: 'launch' });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  unleash = new Unleash({
    appName: 'compat-test',
    url: `${server.url}/v1/environments/production/unleash/`,
    customHeaders: { Authorization: `Bearer ${server.adminToken}` },
    refreshInterval: 100,
    metricsInterval: 200,
    storageProvider: new InMemStorageProvider(),
    skipInstanceCountWarning: true,
  });
  unleash.on('error', (error: Error) => problems.push(error.message));
  unleash.on('warn', (message: string) => problems.push(message));
  await new Promise<void>((resolve) => unleash.once('synchronized', () => resolve()));
});
after(async () => {
  unleash?.destroy();
  await server?.close();
});

test('an Unleash SDK reads Stepwise flags and answers exactly as the evaluator', () => {
  for (const context of generatedContexts(3000, 5)) {
    const ours = evaluateFlag(definition, context);
    const theirs = unleash.getVariant('recommendations', context as never);
    assert.deepEqual([theirs.feature_enabled, theirs.name], [ours.enabled, ours.variant], JSON.stringify(context));
  }
});

/** Resolves once the SDK's view satisfies `check`, re-checking after each update it receives. */
function sdkSees(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return;
      unleash.off('changed', test);
      resolve();
    };
    unleash.on('changed', test);
    test();
  });
}
const definitionAsServed = () => unleash.getFeatureToggleDefinition('recommendations');

test('a kill and a deployment condition reach the SDK on its next poll; registration and metrics are accepted', async () => {
  await server.request('POST', '/v1/environments/production/flags/recommendations/changes', { change: { kind: 'kill' }, reason: 'bad recs' });
  await sdkSees(() => definitionAsServed()?.enabled === false);
  assert.equal(unleash.isEnabled('recommendations', { userId: 'user-1' }), false);
  await server.request('POST', '/v1/environments/production/flags/recommendations/changes', {
    change: { kind: 'update', conditions: [{ kind: 'fully-rolled-out', service: 'ranker', version: '3.0.0' }] },
    reason: 'needs ranker 3',
  });
  await server.request('POST', '/v1/environments/production/flags/recommendations/changes', { change: { kind: 'revive' }, reason: 'fixed' });
  // revived, but ranker 3 is not live: Stepwise serves it to Unleash SDKs as disabled
  const features = await server.request('GET', '/v1/environments/production/unleash/client/features');
  assert.equal(features.body.features[0].enabled, false);
  await server.request('POST', '/v1/environments/production/flags/recommendations/changes', { change: { kind: 'update', conditions: [] }, reason: 'ranker check moved elsewhere' });
  await sdkSees(() => definitionAsServed()?.enabled === true);
  const on = generatedContexts(200, 9).filter((context) => unleash.isEnabled('recommendations', context as never)).length;
  assert.ok(on > 0, 'on for some again');
  // let one metrics period pass so the SDK has posted registration and metrics
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(problems, []);
});

test('the features endpoint answers 304 to the ETag it gave', async () => {
  const headers = { authorization: `Bearer ${server.adminToken}` };
  const first = await fetch(`${server.url}/v1/environments/production/unleash/client/features`, { headers });
  const body = (await first.json()) as { version: number; features: Array<{ name: string; enabled: boolean }> };
  assert.equal(body.version, 2);
  assert.deepEqual(body.features.map((feature) => [feature.name, feature.enabled]), [['recommendations', true]]);
  const again = await fetch(`${server.url}/v1/environments/production/unleash/client/features`, { headers: { ...headers, 'if-none-match': first.headers.get('etag')! } });
  assert.equal(again.status, 304);
});
