import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import { createTempDirectory, type TempDirectory } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { runFlagCli } from './support/run-flag-cli.ts';

let server: TestServer;
let dir: TempDirectory;
let env: Record<string, string>;
const cli = (...args: string[]) => runFlagCli(args, env, dir.path);

before(async () => {
  server = await startTestServer({ store: 'sqlite' });
  dir = createTempDirectory('stepwise-flag-cli-');
  env = { STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken };
  for (const name of ['staging', 'production']) await server.request('POST', '/v1/environments', { name });
});
after(async () => {
  await server?.close();
  dir?.remove();
});

test('create, rollout, eval: one JSON line per context, equal to the evaluator', async () => {
  assert.equal((await cli('create', 'checkout-v2', '--description', 'new checkout')).code, 0);
  const rollout = await cli('rollout', 'checkout-v2', '--env', 'production', '--percent', '25', '--group', 'checkout', '--stickiness', 'userId', '--reason', 'canary users');
  assert.equal(rollout.code, 0, rollout.stderr);
  assert.match(rollout.stdout, /checkout-v2 in production: on, 25% by userId .*canary users/);
  const users = Array.from({ length: 300 }, (_, i) => ({ userId: `u${i}` }));
  writeFileSync(join(dir.path, 'users.jsonl'), `${users.map((user) => JSON.stringify(user)).join('\n')}\n\n`);
  const evaluated = await cli('eval', 'checkout-v2', '--env', 'production', '--contexts', 'users.jsonl', '--json');
  assert.equal(evaluated.code, 0, evaluated.stderr);
  const lines = evaluated.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, 300);
  const definition = { name: 'checkout-v2', enabled: true, strategies: [{ name: 'flexibleRollout' as const, parameters: { rollout: 25, stickiness: 'userId', groupId: 'checkout' } }] };
  lines.forEach((line, index) => {
    const expected = evaluateFlag(definition, users[index]!);
    assert.deepEqual(line, { flag: 'checkout-v2', enabled: expected.enabled, variant: expected.variant, reason: expected.reason });
  });
  assert.ok(lines.some((line) => line.enabled) && lines.some((line) => !line.enabled));
});

test('kill, list, set --revive and deployment conditions, each with who and why', async () => {
  const killed = await cli('kill', 'checkout-v2', '--reason', 'payments failing');
  assert.equal(killed.code, 0, killed.stderr);
  assert.match(killed.stdout, /staging: killed/);
  assert.match(killed.stdout, /production: killed/);
  const list = await cli('list', '--env', 'production', '--json');
  const row = JSON.parse(list.stdout).flags[0];
  assert.deepEqual([row.definition.killed, row.updateReason], [true, 'payments failing']);
  assert.match(row.updatedBy, /admin/);
  const table = await cli('list');
  assert.match(table.stdout, /FLAG\s+ENVIRONMENT\s+STATE/);
  assert.match(table.stdout, /checkout-v2\s+production\s+killed\s+25% by userId/);
  const revived = await cli('set', 'checkout-v2', '--env', 'production', '--revive', '--when-rolled-out', 'payments@>=3.1.0', '--reason', 'fixed in payments 3.1.0');
  assert.equal(revived.code, 0, revived.stderr);
  assert.match(revived.stdout, /on, 25% by userId; while payments@>=3.1.0/);
  const evaluated = await cli('eval', 'checkout-v2', '--env', 'production', '--context', '{"userId":"u1"}', '--json');
  assert.deepEqual(JSON.parse(evaluated.stdout), { flag: 'checkout-v2', enabled: false, variant: 'disabled', reason: 'DEPLOYMENT_CONDITION' });
  const history = await cli('history', 'checkout-v2', '--env', 'production');
  const rows = history.stdout.trim().split('\n');
  assert.match(rows[0]!, /WHEN\s+CHANGE\s+WHO\s+WHY/);
  assert.deepEqual(rows.slice(1).map((row) => row.split(/\s{2,}/)[1]), ['update', 'revive', 'kill', 'rollout', 'created']);
  assert.match(rows[3]!, /kill\s+.*admin.*payments failing/);
});

test('bad input: a clear error, exit 3, and nothing changed', async () => {
  const before = await server.request('GET', '/v1/environments/production/flags/checkout-v2');
  const cases: Array<[string[], RegExp]> = [
    [['rollout', 'checkout-v2', '--env', 'production', '--percent', '140', '--reason', 'r'], /--percent must be a whole number from 0 to 100, not "140"/],
    [['rollout', 'checkout-v2', '--env', 'production', '--percent', '-3', '--reason', 'r'], /--percent must be a whole number/],
    [['rollout', 'ghost', '--env', 'production', '--percent', '10', '--reason', 'r'], /flag "ghost" does not exist/],
    [['eval', 'ghost', '--env', 'production', '--context', '{}'], /flag "ghost" does not exist/],
    [['set', 'checkout-v2', '--env', 'production', '--on', '--off', '--reason', 'r'], /contradict/],
    [['set', 'checkout-v2', '--env', 'production', '--file', 'variants.json', '--reason', 'r'], /conflicting variants/],
    [['set', 'checkout-v2', '--env', 'production', '--when-rolled-out', 'payments', '--reason', 'r'], /SERVICE@VERSION/],
    [['eval', 'checkout-v2', '--env', 'production', '--contexts', 'bad.jsonl'], /bad\.jsonl:3: not valid JSON/],
    [['eval', 'checkout-v2', '--env', 'production', '--contexts', 'array.jsonl'], /array\.jsonl:2: a context must be a JSON object/],
  ];
  writeFileSync(join(dir.path, 'variants.json'), JSON.stringify({ variants: [{ name: 'a', weight: 500 }, { name: 'a', weight: 500 }] }));
  writeFileSync(join(dir.path, 'bad.jsonl'), '{"userId":"a"}\n{"userId":"b"}\n{"userId": c}\n');
  writeFileSync(join(dir.path, 'array.jsonl'), '{"userId":"a"}\n["b"]\n');
  for (const [args, message] of cases) {
    const run = await cli(...args);
    assert.equal(run.code, 3, `${args.join(' ')}: ${run.stdout}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
  }
  const missingReason = await cli('kill', 'checkout-v2', '--env', 'production');
  assert.equal(missingReason.code, 3);
  assert.match(missingReason.stderr, /--reason/);
  assert.deepEqual(await server.request('GET', '/v1/environments/production/flags/checkout-v2'), before);
});

test('import Unleash features: converted, checked first, then created or updated with the reason', async () => {
  writeFileSync(join(dir.path, 'unleash.json'), JSON.stringify({
    version: 2,
    features: [
      { name: 'legacy-banner', enabled: true, strategies: [{ name: 'gradualRolloutUserId', parameters: { percentage: '20' } }], variants: [] },
      { name: 'beta-users', enabled: false, strategies: [{ name: 'userWithId', parameters: { userIds: 'ann,bob' } }] },
    ],
  }));
  writeFileSync(join(dir.path, 'unleash-bad.json'), JSON.stringify([
    { name: 'fine', enabled: true, strategies: [] },
    { name: 'segmented', enabled: true, strategies: [{ name: 'default', segments: [1] }] },
  ]));
  const bad = await cli('import', 'unleash-bad.json', '--env', 'staging', '--reason', 'move');
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /\/1\/strategies\/0\/segments: segments have no counterpart.*nothing imported/);
  assert.equal((await server.request('GET', '/v1/flags?name=fine')).body.flags.length, 0);
  const run = await cli('import', 'unleash.json', '--env', 'staging', '--reason', 'moving off Unleash');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /imported 2 flags into staging: legacy-banner, beta-users/);
  const banner = await server.request('GET', '/v1/environments/staging/flags/legacy-banner');
  assert.deepEqual(banner.body.definition.strategies, [{ name: 'flexibleRollout', parameters: { rollout: 20, stickiness: 'userId', groupId: '' } }]);
  assert.equal(banner.body.updateReason, 'moving off Unleash');
  const beta = await cli('eval', 'beta-users', '--env', 'staging', '--context', '{"userId":"ann"}', '--json');
  assert.deepEqual(JSON.parse(beta.stdout), { flag: 'beta-users', enabled: false, variant: 'disabled', reason: 'DISABLED' });
});
