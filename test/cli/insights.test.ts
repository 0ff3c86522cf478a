import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, timeOption } from '../../src/cli/commands/insights.ts';
import { runCli } from '../support/cli.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const schema = { kind: 'jsonschema' as const, entry: 'a.schema.json', files: { 'a.schema.json': '{"type":"object"}' } };

describe('stepwise insights against a real server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  before(async () => {
    server = await startTestServer();
    env = { STEPWISE_URL: server.url, STEPWISE_TOKEN: server.adminToken };
    for (const version of ['1.0.0', '2.0.0']) {
      const published = await server.request('POST', '/v1/services/writer/versions', {
        version,
        provides: [{ interface: 'event:report', kind: 'jsonschema', formats: { 'application/json': schema } }],
        consumes: [],
      });
      assert.equal(published.status, 201, JSON.stringify(published.body));
    }
    assert.equal((await server.request('POST', '/v1/environments', { name: 'production' })).status, 201);
    assert.equal((await server.request('POST', '/v1/environments', { name: 'staging' })).status, 201);
    // 1 -> 2 -> back to 1: three deployments, one failure restored by the revert, two follow-ups.
    for (const version of ['1.0.0', '2.0.0', '1.0.0']) {
      const recorded = await server.request('POST', '/v1/environments/production/deployments', { service: 'writer', version, kind: 'deployed' });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    }
  });
  after(() => server?.close());

  test('prints a table of the metrics per service, and the same figures as JSON', async () => {
    const table = await runCli(['insights', '--env', 'production'], { env });
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.split('\n');
    assert.match(lines[0]!, /^production: \S+ to \S+ \(30 days\)$/);
    assert.match(lines[2]!, /^SERVICE\s+DEPLOYS\s+PER WEEK\s+LEAD TIME \(MEDIAN \/ P90\)\s+CHANGE FAILURE\s+TIME TO RESTORE\s+REWORK$/);
    assert.match(lines[3]!, /^writer\s+3\s+0\.7\s+\d+s \/ \d+s\s+33\.3% \(1\)\s+\d+s\s+66\.7% \(2\)$/);
    assert.match(table.stdout, /no services deploy together/);

    const json = await runCli(['insights', '--env', 'production', '--since', '2d', '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const view = JSON.parse(json.stdout);
    // --since 2d is counted back from the CLI's clock, the end is the server's now.
    const days = (Date.parse(view.period.until) - Date.parse(view.period.since)) / (24 * 3_600_000);
    assert.ok(Math.abs(days - 2) < 0.001, String(days));
    assert.deepEqual([view.services[0].service, view.services[0].deployments, view.services[0].failures], ['writer', 3, 1]);
  });

  test('an environment with no deployments says so', async () => {
    const result = await runCli(['insights', '--env', 'staging'], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /nothing was deployed here by the end of the period/);
  });

  test('a bad date is refused before asking; an unknown environment is the server\'s NOT_FOUND', async () => {
    const bad = await runCli(['insights', '--env', 'production', '--since', 'last tuesday'], { env });
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /--since "last tuesday" is not a date/);
    const missing = await runCli(['insights', '--env', 'nowhere'], { env });
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /NOT_FOUND[\s\S]*environment "nowhere" does not exist/);
  });
});

test('durations print as their two largest units; times accept dates, timestamps and days back', () => {
  assert.deepEqual([duration(null), duration(0), duration(12_400), duration(61 * 60_000), duration(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)], ['-', '0s', '12s', '1h 1m', '3d 4h']);
  const now = Date.parse('2026-03-10T12:00:00Z');
  assert.equal(timeOption('--since', '2026-03-01', now), '2026-03-01T00:00:00.000Z');
  assert.equal(timeOption('--since', '7d', now), '2026-03-03T12:00:00.000Z');
  assert.equal(timeOption('--until', '2026-03-09T08:00:00+01:00', now), '2026-03-09T07:00:00.000Z');
  assert.throws(() => timeOption('--since', 'soon', now), /--since "soon" is not a date/);
});
