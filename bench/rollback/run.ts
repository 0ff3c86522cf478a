// bench/rollback: time from the start of an error burst in a canary to zero canary traffic, with
// the default rollout spec and analysis settings (only the run command is configured).
// Usage: node --import tsx bench/rollback/run.ts [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalisePublication } from '../../src/manifest/normalise-publication.ts';
import { bringUpEnvironment } from '../../src/rollout/runner/bring-up-environment.ts';
import { getRollout } from '../../src/rollout/runner/rollout-store.ts';
import { RolloutRunner } from '../../src/rollout/runner/rollout-runner.ts';
import { startRollout } from '../../src/rollout/runner/start-rollout.ts';
import { LocalTarget } from '../../src/rollout/targets/local/local-target.ts';
import { recordDeployment } from '../../src/store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../src/store/environment-lock.ts';
import { openStore } from '../../src/store/open-store.ts';
import { createEnvironment } from '../../src/store/registry/environments.ts';
import { publishVersion } from '../../src/store/registry/publish-version.ts';

const runs = Number(process.argv[2] ?? 3);
const APP = join(import.meta.dirname, '..', '..', 'test', 'rollout', 'fixtures', 'app.mjs');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-rollback-'));
const store = await openStore({ sqlitePath: join(dir, 'stepwise.db') });
const db = store.db;
await createEnvironment(db, { name: 'local', actor: 'bench' });
const publish = (version: string, env: Record<string, string> = {}) =>
  publishVersion(db, {
    service: 'orders',
    version,
    actor: 'bench',
    normalised: normalisePublication({ version, provides: [], consumes: [], run: { command: `node ${APP}`, health: '/healthz', env: { VERSION: version, ...env } } }),
  });
await publish('v0');
await withEnvironmentLock(db, 'local', (trx) => recordDeployment(trx, { environment: 'local', service: 'orders', version: 'v0', kind: 'deployed', actor: 'bench' }));

const target = new LocalTarget(dir, 'local');
const runner = new RolloutRunner({ db, target, environment: 'local' });
await bringUpEnvironment(db, target, 'local', dir, new Date());
runner.start();
await sleep(1500);
const url = `http://127.0.0.1:${target.gateway('orders')!.port}/`;

// steady client load: 8 concurrent clients in a loop, each response stamped with the version that served it
let running = true;
let lastCanaryAt = 0;
let canaryVersion = '';
let served = 0;
const clients = Array.from({ length: 8 }, async () => {
  while (running) {
    try {
      const response = await fetch(url);
      const body = (await response.text()).trim().replace(/^error from /, '');
      served++;
      if (body === canaryVersion) lastCanaryAt = performance.now();
    } catch {
      // a refused connection counts as nothing served
    }
  }
});

const results: Array<{ detect: number; zero: number; rps: number }> = [];
for (let run = 1; run <= runs; run++) {
  const version = `v${run}`;
  const burst = join(dir, `burst-${run}`);
  await publish(version, { BURST_FILE: burst });
  const { rollout } = await startRollout(db, { environment: 'local', service: 'orders', version, actor: 'bench', at: new Date(), baseDir: dir, maxConcurrent: 2 });
  runner.kick();
  canaryVersion = version;
  // wait until the canary takes its first share of traffic, then let it serve cleanly for a while
  for (;;) {
    const status = (await getRollout(db, rollout.id)).status;
    if (status.phase === 'progressing' && status.stepIndex === 1) break;
    await sleep(50);
  }
  const servedBefore = served;
  const steadyFrom = performance.now();
  await sleep(3000);
  const rps = ((served - servedBefore) * 1000) / (performance.now() - steadyFrom);
  const burstAt = performance.now();
  const burstWall = Date.now();
  writeFileSync(burst, '');
  let abortedAt = 0;
  for (;;) {
    const status = (await getRollout(db, rollout.id)).status;
    if (status.abort && !abortedAt) abortedAt = Date.parse(status.abort.at);
    if (status.phase === 'rolled-back') break;
    await sleep(20);
  }
  await sleep(1000); // anything the canary still served would show up by now
  // zero canary traffic: the gateway's weight is 0 (set right after the decision is stored) and no
  // canary response arrives later
  const zero = Math.max(abortedAt - burstWall, lastCanaryAt - burstAt);
  results.push({ detect: abortedAt - burstWall, zero, rps });
  console.log(`run ${run}: ${rps.toFixed(0)} req/s through the gateway, canary at 10%; rollback decided ${abortedAt - burstWall} ms after the burst began, last canary response ${(lastCanaryAt - burstAt).toFixed(0)} ms after; zero canary traffic at ${zero.toFixed(0)} ms`);
  // the next run starts from the stable version again
}
running = false;
await Promise.all(clients);
const worst = Math.max(...results.map((result) => result.zero));
const median = [...results.map((result) => result.zero)].sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
console.log(`\ntime from error burst to zero canary traffic: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${runs} runs (goal < 2000 ms; Flagger's default interval x threshold is 60 s)`);
await runner.stop();
await target.close({ stopVersions: true });
await store.close();
rmSync(dir, { recursive: true, force: true });
