import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publishReaderWriter, recordDeployment } from './support/reader-writer-api.ts';

let server: TestServer;
const ENV = 'production';

before(async () => {
  server = await startTestServer({ store: 'sqlite' });
  await publishReaderWriter(server, ENV);
  await recordDeployment(server, ENV, 'writer', '1');
  await recordDeployment(server, ENV, 'reader', '1');
});
after(() => server?.close());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'stepwise', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken },
  });
  return { code, stdout, stderr };
}

test('a writer switching formats before its reader is refused, with who breaks and what to do', async () => {
  const { code, stdout } = await cli('can-i-deploy', '--service', 'writer', '--version', '2', '--to', ENV);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /writer@2 to production: no/);
  assert.match(stdout, /What breaks:/);
  assert.match(stdout, /reader@1/);
  assert.match(stdout, /application\/json/);
  assert.match(stdout, /First deploy a reader version that reads what writer@2 writes/);
  assert.match(stdout, /How to get to yes:/);
});

test('--json gives the verdict and reasons with code, service, version, interface, counterpart, rule and message', async () => {
  const { code, stdout } = await cli('can-i-deploy', '--service', 'writer', '--version', '2', '--to', ENV, '--json');
  assert.equal(code, 1);
  const body = JSON.parse(stdout) as { verdict: string; reasons: Record<string, unknown>[] };
  assert.equal(body.verdict, 'no');
  const reason = body.reasons.find((x) => x.code === 'CONSUMER_BROKEN')!;
  assert.deepEqual(
    { service: reason.service, version: reason.version, interface: reason.interface, counterpart: reason.counterpart, rule: reason.rule },
    { service: 'writer', version: '2', interface: 'store:reports', counterpart: 'reader@1', rule: 'FORMAT_READ_BY_CONSUMER' },
  );
  assert.equal(typeof reason.message, 'string');
});

test('an ignore needs a reason and an expiry, is shown, and is audited', async () => {
  const missing = await cli('can-i-deploy', '--service', 'writer', '--version', '2', '--to', ENV, '--ignore', 'reader');
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /--reason/);

  const { code, stdout } = await cli(
    'can-i-deploy', '--service', 'writer', '--version', '2', '--to', ENV,
    '--ignore', 'reader@1', '--reason', 'reader is switched off tonight (OPS-12)', '--until', '2999-01-01',
  );
  assert.equal(code, 0, stdout);
  assert.match(stdout, /reader@1 was left out of the decision .*OPS-12/);
  const audit = await server.request('GET', `/v1/audit?action=decision.ignore`);
  assert.equal(audit.status, 200);
  const events = (audit.body.events ?? audit.body) as { data: { ignores: { service: string; reason: string }[] } }[];
  assert.ok(events.some((event) => event.data.ignores.some((x) => x.service === 'reader' && x.reason.includes('OPS-12'))), JSON.stringify(audit.body));
});

test('deploy --check records nothing on no, and records on yes', async () => {
  const refused = await cli('deploy', '--check', '--service', 'writer', '--version', '2', '--env', ENV);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /Not deployed/);

  const reader = await cli('deploy', '--check', '--service', 'reader', '--version', '2', '--env', ENV);
  assert.equal(reader.code, 0, reader.stdout);
  assert.match(reader.stdout, /Deployed reader@2 to production/);
  const writer = await cli('deploy', '--check', '--service', 'writer', '--version', '2', '--env', ENV, '--json');
  assert.equal(writer.code, 0, writer.stdout);
  assert.equal(JSON.parse(writer.stdout).deployed, true);

  const events = await server.request('GET', `/v1/environments/${ENV}/deployments`);
  const recorded = (events.body.events as { service: string; version: string }[]).map((event) => `${event.service}@${event.version}`);
  assert.ok(!recorded.slice(0, 2).includes('writer@1') && recorded.includes('writer@2') && recorded.includes('reader@2'));
  assert.equal(recorded.filter((name) => name === 'writer@2').length, 1, 'the refused attempt left no event');
});

test('rolling the Reader back after JSON was written is refused, naming the writer version', async () => {
  const { code, stdout } = await cli('can-i-deploy', '--service', 'reader', '--version', '1', '--to', ENV, '--json');
  assert.equal(code, 1);
  const body = JSON.parse(stdout) as { reasons: { code: string; counterpart?: string }[] };
  assert.ok(body.reasons.some((reason) => reason.code === 'ROLLBACK_UNSAFE' && reason.counterpart === 'writer@2'), stdout);
});

test('a version not published yet is unknown (exit 2), and --retry-while-unknown asks again', async () => {
  const { code, stdout, stderr } = await cli('can-i-deploy', '--service', 'writer', '--version', '9', '--to', ENV, '--retry-while-unknown', '1', '--retry-interval', '0');
  assert.equal(code, 2, stdout);
  assert.match(stdout, /unknown/);
  assert.match(stderr, /asking again .*\(1\/1\)/);
});

test('an unknown environment is an error (exit 3)', async () => {
  const { code, stderr } = await cli('can-i-deploy', '--service', 'writer', '--version', '2', '--to', 'nowhere');
  assert.equal(code, 3);
  assert.match(stderr, /NOT_FOUND.*nowhere/);
});

test('the real binary exits with the verdict', async () => {
  // Asynchronously: the server under test lives in this process and must keep answering.
  const run = await promisify(execFile)(process.execPath, ['bin/stepwise.js', 'can-i-deploy', '--service', 'reader', '--version', '1', '--to', ENV], {
    env: { ...process.env, STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken },
    encoding: 'utf8',
  }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /Rolling back to reader@1 is no longer safe: writer@2/);
});
