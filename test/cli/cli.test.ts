import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli.ts';
import { createTempDirectory, type TempDirectory } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const WRITER = fileURLToPath(new URL('./fixtures/writer', import.meta.url));

describe('the stepwise CLI against a real server', () => {
  let server: TestServer;
  let scratch: TempDirectory;
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer();
    scratch = createTempDirectory();
    env = { STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken };
  });
  after(async () => {
    await server?.close();
    scratch?.remove();
  });

  test('publish reads stepwise.yaml and its contracts; the same version again changes nothing', async () => {
    const first = await runCli(['publish', '--version', '1.4.0', '--commit', 'abc123'], { env, cwd: WRITER });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /published writer@1\.4\.0 \(2 contracts\)/);
    const again = await runCli(['publish', '--version', '1.4.0', '--json'], { env, cwd: WRITER });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).status, 'unchanged');
    const stored = await server.request('GET', '/v1/services/writer/versions/1.4.0');
    assert.equal(stored.body.commit, 'abc123');
    assert.deepEqual(stored.body.rollout, { steps: [{ weight: 10, pause: '10s' }, { weight: 50, pause: '10s' }] });
    assert.equal(stored.body.consumes[1].flag, 'use-user-events');
  });

  test('a bad manifest is reported with file and line, exit 3, nothing sent', async () => {
    const dir = join(scratch.path, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'stepwise.yaml'), 'service: bad\nprovides:\n  - interface: users\n    kind: graphql\n    colour: red\n');
    const result = await runCli(['publish', '--version', '1.0.0'], { env, cwd: dir });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /stepwise\.yaml:3: \/provides\/0\/interface: must be an interface id/);
    assert.match(result.stderr, /stepwise\.yaml:4: \/provides\/0\/kind: must be one of openapi/);
    assert.match(result.stderr, /stepwise\.yaml:5: \/provides\/0\/colour: unknown field `colour`/);
    assert.equal((await server.request('GET', '/v1/services/bad')).status, 404);
  });

  test('a missing or malformed contract names the manifest line and the file', async () => {
    const dir = join(scratch.path, 'contracts');
    mkdirSync(join(dir, 'contracts'), { recursive: true });
    writeFileSync(join(dir, 'contracts', 'bad.json'), '{"type": "object",\n  "properties": {"id": {"type": 12}}}\n');
    writeFileSync(
      join(dir, 'stepwise.yaml'),
      'service: reader\nprovides:\n  - interface: http:reader\n    kind: openapi\n    contract: contracts/missing.yaml\n',
    );
    const missing = await runCli(['publish', '--version', '1.0.0'], { env, cwd: dir });
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /stepwise\.yaml:5: \/provides\/0\/contract: .*contracts\/missing\.yaml: file not found/);
    writeFileSync(
      join(dir, 'other.yaml'),
      'service: reader\nconsumes:\n  - interface: event:x\n    kind: jsonschema\n    formats:\n      application/json: contracts/bad.json\n',
    );
    const malformed = await runCli(['publish', '--version', '1.0.0', '--manifest', 'other.yaml'], { env, cwd: dir });
    assert.equal(malformed.code, 3);
    assert.match(malformed.stderr, /CONTRACT_INVALID/);
    assert.match(malformed.stderr, /other\.yaml:6: \/consumes\/0\/formats\/application~1json: contracts\/bad\.json:2/);
    assert.match(malformed.stderr, /contracts\/bad\.json/);
  });

  test('environments, deployments, releases and the status table', async () => {
    assert.equal((await runCli(['env', 'create', 'staging'], { env })).code, 0);
    const created = await runCli(['env', 'create', 'production', '--json'], { env });
    assert.equal(JSON.parse(created.stdout).position, 1);
    const deployed = await runCli(['record-deployment', '--service', 'writer', '--version', '1.4.0', '--env', 'production'], { env });
    assert.equal(deployed.code, 0, deployed.stderr);
    const released = await runCli(['record-release', '--service', 'writer', '--version', '1.5.0', '--env', 'production', '--target', 'app-store'], { env });
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stdout, /live now: 1\.4\.0, 1\.5\.0@app-store \(released\)/);
    const status = await runCli(['status'], { env });
    assert.equal(status.code, 0, status.stderr);
    assert.deepEqual(status.stdout.trimEnd().split('\n'), [
      'SERVICE  STAGING  PRODUCTION',
      'writer   -        1.4.0, 1.5.0@app-store (released)',
    ]);
    const undeployed = await runCli(['undeploy', '--service', 'writer', '--version', '1.4.0', '--env', 'production', '--json'], { env });
    assert.deepEqual(JSON.parse(undeployed.stdout).live.map((entry: { version: string }) => entry.version), ['1.5.0']);
    const unknown = await runCli(['record-deployment', '--service', 'writer', '--version', '1.4.0', '--env', 'nowhere'], { env });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /NOT_FOUND: environment "nowhere" does not exist/);
  });

  test('scoped tokens, bound to services, from the CLI; the audit log shows who did what', async () => {
    const created = await runCli(['token', 'create', '--scope', 'read', '--name', 'dashboards', '--json'], { env });
    assert.equal(created.code, 0, created.stderr);
    const { secret, token } = JSON.parse(created.stdout);
    const readerEnv = { STEPWISE_URL: server.url, STEPWISE_TOKEN: secret };
    const status = await runCli(['status', '--env', 'production', '--json'], { env: readerEnv });
    assert.deepEqual(JSON.parse(status.stdout).environments, ['production']);
    const denied = await runCli(['env', 'create', 'qa'], { env: readerEnv });
    assert.equal(denied.code, 3);
    assert.match(denied.stderr, /FORBIDDEN/);
    assert.equal((await runCli(['token', 'revoke', token.id], { env })).code, 0);
    const revoked = await runCli(['status'], { env: readerEnv });
    assert.match(revoked.stderr, /UNAUTHENTICATED/);
    const audit = await runCli(['audit', '--action', 'token.revoked', '--json'], { env });
    assert.equal(JSON.parse(audit.stdout).events[0].subject, `token:${token.id}`);
  });

  test('no server: a clear message and exit 3', async () => {
    const result = await runCli(['status'], { env: { STEPWISE_URL: 'http://127.0.0.1:9', STEPWISE_TOKEN: 'x' } });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /UNAVAILABLE: cannot reach the Stepwise server at http:\/\/127\.0\.0\.1:9/);
  });
});
