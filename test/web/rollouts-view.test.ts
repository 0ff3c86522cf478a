import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDemoRuntime, type DemoRuntime } from '../../src/demo/demo-runtime.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';

// Watching rollouts in the dashboard: one paused until promoted, promoted with the button; one
// failing a share of its requests, rolled back by its analysis while the page follows it live.
const APP = 'test/rollout/fixtures/app.mjs';

let runtime: DemoRuntime;
let browser: Browser;
let page: Page;
let data: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${runtime.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // `any`: each call reads the shape of the route it calls.
  return { status: response.status, body: await response.json() };
}

function version(number: string, rollout: object, env: Record<string, string> = {}) {
  return { version: number, owner: 'team-prices', provides: [], consumes: [], run: { command: `node ${APP}`, cwd: '.', health: '/healthz', env: { VERSION: number, ...env } }, rollout };
}

async function rolloutTo(service: string, number: string): Promise<number> {
  const started = await call('POST', '/v1/environments/production/rollouts', { service, version: number });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return started.body.rollout.id as number;
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'stepwise-web-rollouts-'));
  runtime = await startDemoRuntime({ dataDir: data, port: 0, environment: 'production', scratch: [], cwd: process.cwd(), log: () => {} });
  const quick = { steps: [{ weight: 100 }] };
  const held = { steps: [{ weight: 30 }, { pause: null }] };
  const analysed = { steps: [{ weight: 50 }, { analysis: { duration: '20s', minRequests: 10, maxErrorRate: 0.05 } }] };
  for (const body of [version('1.0', quick), version('2.0', held), version('3.0', analysed, { ERROR_RATE: '0.3' })]) {
    const published = await call('POST', '/v1/services/prices/versions', body);
    assert.equal(published.status, 201, JSON.stringify(published.body));
  }
  const first = await rolloutTo('prices', '1.0');
  await until(async () => (await call('GET', `/v1/rollouts/${first}`)).body.phase === 'succeeded', 'prices 1.0 to go live');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(runtime.url);
  await page.getByLabel('API token').fill(runtime.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Environments' }).waitFor();
});

after(async () => {
  await browser?.close();
  await runtime?.close();
  rmSync(data, { recursive: true, force: true });
});

test('a rollout paused until promoted goes on when promoted from the page', async () => {
  const id = await rolloutTo('prices', '2.0');
  await page.goto(`${runtime.url}/#/rollouts/${id}`);
  await page.getByTestId('rollout-phase').filter({ hasText: 'paused' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Promote' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('rollout-phase').filter({ hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
  await saveScreenshot(page, 'rollout-promoted', { fullPage: true });
  const audit = await call('GET', '/v1/audit?limit=50');
  assert.ok(audit.body.events.some((event: { action: string }) => /promote/.test(event.action)), 'the promotion is audited');
});

test('a version failing a share of its requests is rolled back while the page follows it live', async () => {
  const gateway = runtime.target.gateway('prices');
  assert.ok(gateway, 'prices has a gateway');
  const id = await rolloutTo('prices', '3.0');
  await page.goto(`${runtime.url}/#/rollouts/${id}`);
  let stop = false;
  const traffic = (async () => {
    while (!stop) {
      await fetch(`http://127.0.0.1:${gateway.port}/`).then((r) => r.text(), () => '');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await page.getByTestId('rollout-phase').filter({ hasText: 'rolled-back' }).waitFor({ timeout: 60_000 });
  } finally {
    stop = true;
    await traffic;
  }
  assert.match(await page.locator('main').innerText(), /Aborted:/);
  await saveScreenshot(page, 'rollout-rolled-back', { fullPage: true });
  const live = await call('GET', '/v1/status?env=production');
  const prices = live.body.services.find((s: { service: string }) => s.service === 'prices');
  assert.deepEqual(prices.live.production.map((v: { version: string }) => v.version), ['2.0']);
});
