import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { createEnvironment } from '../../../src/store/registry/environments.ts';
import { publishVersion } from '../../../src/store/registry/publish-version.ts';
import { normalisePublication } from '../../../src/manifest/normalise-publication.ts';
import { recordDeployment } from '../../../src/store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../../src/store/environment-lock.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const APP = join(FIXTURES, 'app.mjs');

export interface World {
  readonly dir: string;
  readonly dbPath: string;
  readonly store: Store;
  publish(version: string, options?: { env?: Record<string, string>; rollout?: Record<string, unknown>; command?: string; run?: Record<string, unknown>; service?: string }): Promise<void>;
  deploy(version: string, service?: string): Promise<void>;
  close(): Promise<void>;
}

/** A temp data dir and SQLite store with environment `local` and service `orders`. */
export async function createWorld(service = 'orders'): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-rollout-'));
  const dbPath = join(dir, 'stepwise.db');
  const store = await openStore({ sqlitePath: dbPath });
  await createEnvironment(store.db, { name: 'local', actor: 'test' });
  return {
    dir,
    dbPath,
    store,
    async publish(version, options = {}) {
      const normalised = normalisePublication({
        version,
        provides: [],
        consumes: [],
        run: { command: options.command ?? `node ${APP}`, cwd: FIXTURES, health: '/healthz', env: { VERSION: version, ...options.env }, ...options.run },
        ...(options.rollout ? { rollout: options.rollout } : {}),
      });
      await publishVersion(store.db, { service: options.service ?? service, version, normalised, actor: 'test' });
    },
    async deploy(version, other) {
      await withEnvironmentLock(store.db, 'local', (trx) => recordDeployment(trx, { environment: 'local', service: other ?? service, version, kind: 'deployed', actor: 'test' }));
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** Keeps `workers` clients sending requests to `url` and counts what they see. */
export function loadGenerator(url: string, workers = 4, headers: Record<string, string> = {}) {
  const counts = { ok: 0, errors: 0, byBody: new Map<string, number>() };
  const timeline: Array<{ start: number; at: number; version: string; ok: boolean; status: number }> = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const start = Date.now();
      try {
        const response = await fetch(url, { headers, signal: AbortSignal.timeout(3000) });
        const body = (await response.text()).trim();
        const ok = response.status < 500;
        if (ok) counts.ok++;
        else counts.errors++;
        const version = body.replace(/^error from /, '');
        counts.byBody.set(version, (counts.byBody.get(version) ?? 0) + 1);
        timeline.push({ start, at: Date.now(), version, ok, status: response.status });
      } catch {
        counts.errors++;
        timeline.push({ start, at: Date.now(), version: 'none', ok: false, status: 0 });
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    counts,
    timeline,
    async stop() {
      running = false;
      await done;
      return counts;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
