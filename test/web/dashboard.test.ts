import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_DIR } from '../../src/server/web/dashboard-plugin.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { seedReaderWriter } from './reader-writer-seed.ts';

// Each view of the dashboard, in Debian's Chromium, against a real server seeded with the
// Reader/Writer story. With STEPWISE_SCREENSHOTS=1 each view is saved to docs/screenshots/ for the README.

let server: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  assert.ok(existsSync(`${DASHBOARD_DIR}/index.html`), 'the dashboard is not built: run `npm run build:web` (npm ci runs it)');
  server = await startTestServer();
  await seedReaderWriter(server);
  const created = await server.request('POST', '/v1/flags', { name: 'reports-in-json', description: 'Writer stores new reports as JSON', reason: 'expand step' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByLabel('API token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Environments' }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a wrong token is refused at sign-in with the server\'s reason', async () => {
  const other = await browser.newPage();
  await other.goto(server.url);
  await other.getByLabel('API token').fill('stw_not_a_token');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('alert').filter({ hasText: 'unknown or revoked' }).waitFor();
  await other.close();
});

test('environments: the matrix shows what runs where, and the filter narrows it', async () => {
  await page.goto(`${server.url}/#/environments`);
  const rows = page.getByRole('row');
  await rows.filter({ hasText: 'writer' }).first().waitFor();
  assert.match(await page.getByRole('row').filter({ hasText: 'writer' }).innerText(), /team-reports[\s\S]*1\.0\.0[\s\S]*1\.0\.0/);
  await saveScreenshot(page, 'environments');
  await page.getByLabel('Filter').fill('insights');
  await page.getByTestId('service-count').filter({ hasText: '1 of 2 services' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'writer' }).count(), 0);
});

test('service: can-i-deploy from the page says no to Writer 2 while Reader 1 reads only XML, and why', async () => {
  await page.goto(`${server.url}/#/services/writer`);
  await page.getByRole('heading', { name: 'Can I deploy?' }).waitFor();
  await page.getByLabel('Version to check').selectOption('2.0.0');
  await page.getByLabel('Environment', { exact: true }).selectOption('production');
  await page.getByRole('button', { name: 'Check' }).click();
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  const text = await verdict.innerText();
  assert.match(text, /no/);
  assert.match(text, /reader@1\.0\.0/);
  assert.match(text, /store:reports/);
  await page.getByRole('heading', { name: 'Diff' }).waitFor();
  await page.getByText('store:reports').first().waitFor();
  await saveScreenshot(page, 'service', { fullPage: true });
});

test('graph: services laid out with the link between them and its state', async () => {
  await page.goto(`${server.url}/#/graph?env=production`);
  await page.locator('svg[aria-label="Dependency graph of production"] a').first().waitFor();
  assert.equal(await page.locator('svg[aria-label="Dependency graph of production"] a').count(), 2);
  assert.match(await page.locator('polyline title').first().textContent() ?? '', /reader → writer over store:reports: compatible/);
  // The insights panel: the seed deployed writer 1.0.0 to production once, minutes after publishing it.
  const writer = page.getByRole('table', { name: 'Delivery metrics in production' }).getByRole('row').filter({ hasText: 'writer' });
  await writer.waitFor();
  assert.match(await writer.innerText(), /^writer\s+1\s+0\.2\s+\d+[smh] \/ \d+[smh]\s+0% \(0\)\s+—\s+0% \(0\)$/);
  await saveScreenshot(page, 'graph');
});

test('flags: turning a flag on asks why, applies it, and the audit log shows who and why', async () => {
  await page.goto(`${server.url}/#/flags?env=production`);
  const row = page.getByTestId('flag-reports-in-json');
  await row.getByText('off').waitFor();
  page.once('dialog', (dialog) => void dialog.accept('reader 1.1 is live everywhere'));
  await row.getByRole('button', { name: 'Turn on' }).click();
  await row.getByText('✓ on').waitFor();
  await saveScreenshot(page, 'flags');
  const stored = await server.request('GET', '/v1/environments/production/flags/reports-in-json');
  assert.equal(stored.body.definition.enabled, true);
  assert.equal(stored.body.updateReason, 'reader 1.1 is live everywhere');

  await page.goto(`${server.url}/#/audit`);
  await page.getByText('reader 1.1 is live everywhere', { exact: false }).first().waitFor({ state: 'attached' });
  await saveScreenshot(page, 'audit');
});

test('a read-only token sees the flags but cannot change them', async () => {
  const created = await server.request('POST', '/v1/tokens', { name: 'viewer', scope: 'read' });
  const viewer = await browser.newPage();
  await viewer.goto(server.url);
  await viewer.getByLabel('API token').fill(created.body.secret);
  await viewer.getByRole('button', { name: 'Sign in' }).click();
  await viewer.getByText('(read-only)').waitFor();
  await viewer.goto(`${server.url}/#/flags?env=production`);
  const row = viewer.getByTestId('flag-reports-in-json');
  await row.waitFor();
  assert.equal(await row.getByRole('button', { name: 'Kill' }).isDisabled(), true);
  await viewer.close();
});

test('dark mode is a toggle away and sticks', async () => {
  await page.goto(`${server.url}/#/environments`);
  const before = await page.locator('html').getAttribute('data-theme');
  await page.getByRole('button', { name: /Switch to (dark|light) mode/ }).click();
  const after = await page.locator('html').getAttribute('data-theme');
  assert.notEqual(after, before);
  if (after === 'dark') await saveScreenshot(page, 'environments-dark');
  await page.reload();
  assert.equal(await page.locator('html').getAttribute('data-theme'), after);
});

test('plans: a stored plan lists its steps in order with their verdicts and when they stop being reversible', async () => {
  const created = await server.request('POST', '/v1/plans', {
    environments: ['production'],
    targets: [
      { service: 'writer', version: '2.0.0' },
      { service: 'reader', version: '1.1.0' },
    ],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await page.goto(`${server.url}/#/plans`);
  await page.getByRole('link', { name: /Plan \d+: writer@2\.0\.0, reader@1\.1\.0/ }).click();
  await page.getByRole('heading', { name: 'Steps' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /deploy reader@1\.1\.0[\s\S]*deploy writer@2\.0\.0/);
  assert.match(text, /irreversible after step 2/);
  await saveScreenshot(page, 'plan', { fullPage: true });
});
