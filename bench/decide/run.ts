// Benchmark: can-i-deploy over HTTP on a synthetic organisation (2,000 services, 100k versions,
// 3 environments, ~8 links per service), cold and warm, on SQLite and PostgreSQL, with the
// server's peak memory. Usage: node --import tsx bench/decide/run.ts [--stores sqlite,postgres]
//   [--services 2000] [--versions 50] [--cold 200] [--warm 1000]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openStore } from '../../src/store/open-store.ts';
import { createPostgresDatabase } from '../../test/support/databases.ts';
import { DEFAULT_SHAPE, generateOrg, type SyntheticOrg } from './synthetic-org.ts';
import { seedOrg } from './seed-org.ts';

const { values: args } = parseArgs({
  options: {
    stores: { type: 'string', default: 'sqlite,postgres' },
    services: { type: 'string', default: String(DEFAULT_SHAPE.services) },
    versions: { type: 'string', default: String(DEFAULT_SHAPE.versionsPerService) },
    cold: { type: 'string', default: '200' },
    warm: { type: 'string', default: '1000' },
  },
});
const shape = { ...DEFAULT_SHAPE, services: Number(args.services), versionsPerService: Number(args.versions) };
const GOAL_WARM_P99_MS = 25;
// Reported by a Pact Broker user: one matrix query at 190k versions before an index fix.
const PEER_MATRIX_QUERY_MS = 13_000;

interface Pass {
  readonly name: string;
  readonly latencies: number[];
  readonly verdicts: Record<string, number>;
  /** Server CPU time (user + system) per request: what the work costs, whatever else runs on the machine. */
  readonly cpuMsPerRequest: number;
  readonly loadAverage: number;
}

const started = Date.now();
const org = generateOrg(shape);
console.log(`organisation: ${shape.services} services, ${org.versions.length} versions, ${org.contracts.size} distinct contracts, ${org.spans.length} deployment spans (generated in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
const sample = sampleCandidates(org, Number(args.cold));
const results: Record<string, unknown>[] = [];

for (const kind of args.stores!.split(',') as ('sqlite' | 'postgres')[]) {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-decide-'));
  const postgres = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const location = postgres ? postgres.url : join(dir, 'stepwise.db');
  try {
    const seedStart = Date.now();
    const store = await openStore(postgres ? { postgresUrl: location } : { sqlitePath: location });
    await seedOrg(store.db, org, shape.environments);
    await store.close();
    const seedSeconds = (Date.now() - seedStart) / 1000;
    console.log(`\n[${kind}] seeded in ${seedSeconds.toFixed(1)} s${postgres ? '' : `, ${(statSync(location).size / 1e6).toFixed(0)} MB`}`);

    const token = `stw_bench_${randomBytes(12).toString('hex')}`;
    let server = await startServerProcess(kind, location, token);
    const cold = await runPass('cold (empty memo, fresh process)', server, token, sample);
    const warmOrder = Array.from({ length: Number(args.warm) }, (_, i) => sample[(i * 7919) % sample.length]!);
    const warm = await runPass('warm (pairs computed)', server, token, warmOrder);
    const peakFirst = peakMemoryMb(server.child);
    await stopServerProcess(server.child);
    server = await startServerProcess(kind, location, token);
    const restarted = await runPass('restarted (pairs from the store)', server, token, sample);
    const peakSecond = peakMemoryMb(server.child);
    await stopServerProcess(server.child);

    for (const pass of [cold, warm, restarted]) {
      const row = {
        store: kind,
        pass: pass.name,
        requests: pass.latencies.length,
        p50: percentile(pass.latencies, 50),
        p99: percentile(pass.latencies, 99),
        max: Math.max(...pass.latencies),
        cpuMsPerRequest: pass.cpuMsPerRequest,
        loadAverage: pass.loadAverage,
        verdicts: pass.verdicts,
      };
      results.push(row);
      console.log(
        `  ${pass.name.padEnd(36)} n=${String(row.requests).padStart(5)}  p50 ${row.p50.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms  max ${row.max.toFixed(0).padStart(6)} ms  server cpu ${row.cpuMsPerRequest.toFixed(1)} ms/req  load ${row.loadAverage.toFixed(1)}  ${JSON.stringify(pass.verdicts)}`,
      );
    }
    const warmP99 = percentile(warm.latencies, 99);
    console.log(`  peak server memory: ${peakFirst} MB (first process), ${peakSecond} MB (restarted)`);
    console.log(`  goal warm p99 < ${GOAL_WARM_P99_MS} ms: ${warmP99 < GOAL_WARM_P99_MS ? 'met' : 'NOT met'} (${warmP99.toFixed(1)} ms)`);
    console.log(`  peer: Pact Broker matrix query reported at ${PEER_MATRIX_QUERY_MS} ms on 190k versions; warm p99 here is ${(PEER_MATRIX_QUERY_MS / warmP99).toFixed(0)}x lower`);
    results.push({ store: kind, seedSeconds, peakMemoryMb: Math.max(peakFirst, peakSecond) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  }
}
console.log(`\n${JSON.stringify({ shape, results }, null, 2)}`);

function sampleCandidates(org: SyntheticOrg, count: number): SyntheticOrg['candidates'] {
  const step = Math.max(1, Math.floor(org.candidates.length / count));
  const picked: SyntheticOrg['candidates'] = [];
  for (let i = 0; picked.length < count && i < org.candidates.length; i++) picked.push(org.candidates[(i * step + (i % 3) * 7) % org.candidates.length]!);
  return picked;
}

async function runPass(name: string, server: { url: string; child: ChildProcess }, token: string, candidates: SyntheticOrg['candidates']): Promise<Pass> {
  const { url } = server;
  const cpuBefore = cpuMs(server.child);
  const latencies: number[] = [];
  const verdicts: Record<string, number> = {};
  for (const candidate of candidates) {
    const begin = performance.now();
    const response = await fetch(`${url}/v1/can-i-deploy`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(candidate),
    });
    const body = (await response.json()) as { verdict?: string; error?: { message: string } };
    latencies.push(performance.now() - begin);
    if (!response.ok) throw new Error(`can-i-deploy ${JSON.stringify(candidate)}: ${response.status} ${body.error?.message}`);
    verdicts[body.verdict!] = (verdicts[body.verdict!] ?? 0) + 1;
  }
  return { name, latencies, verdicts, cpuMsPerRequest: (cpuMs(server.child) - cpuBefore) / candidates.length, loadAverage: loadavg()[0]! };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function startServerProcess(kind: string, location: string, token: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server-process.ts', import.meta.url).pathname, kind, location, token], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) resolve((JSON.parse(line!) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

async function stopServerProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** User + system CPU time of a process so far, from the kernel (clock ticks of 10 ms). */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The process's high-water resident set size, from the kernel. */
function peakMemoryMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : -1;
}
