import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DASHBOARD_DIR } from '../../src/server/web/dashboard-plugin.ts';

// The dashboard's budget: what the first page load fetches stays under 300 KB of gzipped
// JavaScript. Views other than the first load on demand and are not counted.
const BUDGET_BYTES = 300 * 1024;

test('the JavaScript the first page load fetches stays under 300 KB gzipped', () => {
  const html = readFileSync(join(DASHBOARD_DIR, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  assert.ok(scripts.length > 0, 'index.html loads no script');
  const total = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(DASHBOARD_DIR, path))).length, 0);
  assert.ok(total < BUDGET_BYTES, `initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over the ${BUDGET_BYTES / 1024} KB budget`);
});
