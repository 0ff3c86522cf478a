// Registry benchmark: 2,000 services x 50 versions, then p50/p99 of `status --env` and of a single
// version lookup over HTTP, and the database size, on SQLite and PostgreSQL.
// Usage: node --import tsx bench/registry/run.ts [--store sqlite|postgres|both] [--services N] [--versions N] [--requests N]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openStore, type StoreOptions } from '../../src/store/open-store.ts';
import { ensureAdminToken } from '../../src/store/tokens/token-store.ts';
import { createPostgresDatabase, createTempDirectory } from '../../test/support/databases.ts';
import { startServerProcess, timeRequests, type LatencyFigures } from './measure-http.ts';
import { seedRegistry, type SeedFigures } from './seed-registry.ts';
import { DEFAULT_SHAPE, serviceName, versionName, type RegistryShape } from './synthetic-registry.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    services: { type: 'string', default: String(DEFAULT_SHAPE.services) },
    versions: { type: 'string', default: String(DEFAULT_SHAPE.versions) },
    requests: { type: 'string', default: '500' },
  },
});
const shape: RegistryShape = { ...DEFAULT_SHAPE, services: Number(values.services), versions: Number(values.versions) };
const requests = Number(values.requests);
const stores = values.store === 'both' ? (['sqlite', 'postgres'] as const) : ([values.store as 'sqlite' | 'postgres'] as const);
const GOAL_MS = 20;
const ADMIN = 'stw_bench_admin';

interface Result {
  readonly store: string;
  readonly seed: SeedFigures;
  readonly sizeMb: number;
  readonly status: LatencyFigures;
  readonly statusCold: LatencyFigures;
  readonly lookup: LatencyFigures;
}

async function benchOne(kind: 'sqlite' | 'postgres'): Promise<Result> {
  const log = (text: string) => process.stderr.write(`[${kind}] ${text}\n`);
  const dir = createTempDirectory('stepwise-bench-');
  const postgres = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  try {
    const options: StoreOptions = postgres ? { postgresUrl: postgres.url } : { sqlitePath: join(dir.path, 'stepwise.db') };
    const store = await openStore(options);
    log(`seeding ${shape.services} services x ${shape.versions} versions`);
    const seed = await seedRegistry(store.db, shape, log);
    await ensureAdminToken(store.db, ADMIN);
    await sql`analyze`.execute(store.db);
    let sizeMb: number;
    if (kind === 'sqlite') {
      await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
      sizeMb = statSync(join(dir.path, 'stepwise.db')).size / 1024 / 1024;
    } else {
      const row = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(store.db);
      sizeMb = Number(row.rows[0]!.size) / 1024 / 1024;
    }
    await store.close();
    log(`seeded in ${seed.seconds.toFixed(0)} s; ${sizeMb.toFixed(0)} MB; measuring`);

    const server = await startServerProcess(postgres ? ['--database-url', postgres.url] : ['--data', dir.path], { STEPWISE_ADMIN_TOKEN: ADMIN });
    try {
      const status = await timeRequests(() => '/v1/status?env=production', server.url, ADMIN, requests);
      // Cold: a deployment is recorded (untimed) before each request, so every matrix is built from the database.
      const record = async (index: number) => {
        const response = await fetch(`${server.url}/v1/environments/production/deployments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ service: serviceName(index % shape.services), version: versionName(shape.versions - 1), kind: 'deployed' }),
        });
        if (response.status !== 201) throw new Error(`recording a deployment answered ${response.status}`);
      };
      const statusCold = await timeRequests(() => '/v1/status?env=production', server.url, ADMIN, Math.ceil(requests / 5), 5, record);
      // Spread lookups over the whole registry so they do not all hit one cached page.
      const lookup = await timeRequests(
        (index) => `/v1/services/${serviceName((index * 7_919) % shape.services)}/versions/${versionName((index * 31) % shape.versions)}`,
        server.url,
        ADMIN,
        requests * 4,
      );
      return { store: kind, seed, sizeMb, status, statusCold, lookup };
    } finally {
      await server.stop();
    }
  } finally {
    await postgres?.drop();
    dir.remove();
  }
}

const results: Result[] = [];
for (const kind of stores) results.push(await benchOne(kind));

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (figures: LatencyFigures) => (figures.p99 < GOAL_MS ? 'met' : 'MISSED');
console.log(`\nRegistry: ${shape.services} services x ${shape.versions} versions = ${shape.services * shape.versions} versions; goal p99 < ${GOAL_MS} ms\n`);
console.log('| store | versions | contracts | interface rows | seed | database |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.store} | ${r.seed.versions} | ${r.seed.contracts} | ${r.seed.interfaces} | ${r.seed.seconds.toFixed(0)} s | ${r.sizeMb.toFixed(0)} MB |`);
}
console.log('\nLatency over HTTP (client-observed; in brackets the server\'s own time from Server-Timing):\n');
console.log('| store | request | p50 | p99 | body | goal p99 < 20 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  const rows: [string, LatencyFigures][] = [
    ['`status --env production` (GET /v1/status?env=)', r.status],
    ['same, right after a deployment record (matrix rebuilt)', r.statusCold],
    ['single version lookup (GET /v1/services/{s}/versions/{v})', r.lookup],
  ];
  for (const [label, f] of rows) {
    console.log(`| ${r.store} | ${label} | ${ms(f.p50)} (${ms(f.serverP50)}) | ${ms(f.p99)} (${ms(f.serverP99)}) | ${(f.bytes / 1024).toFixed(1)} KB | ${verdict(f)} |`);
  }
}
