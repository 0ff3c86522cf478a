// bench/gateway: throughput and added latency of Stepwise's gateway against a direct connection
// and against nginx doing the same 90/10 weighted split to the same two backends, same run.
// Needs `wrk` and `nginx` (Debian packages). Usage: node --import tsx bench/gateway/run.ts [seconds] [rounds]
// The saturated nginx/stepwise pair is measured in several rounds, alternating which goes first,
// because other work on the machine moves throughput by 2x within a minute: the ratio is taken per
// round (same minute, same load) and the median reported. Beside throughput, each proxy's own CPU
// time per request (from /proc) says what a request costs it, whatever share of the CPU it got.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/rollout/targets/local/free-port.ts';

const seconds = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 3);
const WARM_UP_SECONDS = 2;
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);
const here = import.meta.dirname;
const children: ChildProcess[] = [];

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function backend(version: string): Promise<number> {
  const port = await freePort();
  const child = fork(join(here, 'backend.mjs'), [], { env: { ...process.env, PORT: String(port), VERSION: version }, stdio: 'inherit' });
  children.push(child);
  await ready(child);
  return port;
}

interface WrkResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** The proxy's CPU time (user + system) per request, in µs; absent for the direct connection. */
  readonly cpuUs?: number;
}

/** CPU time a process has used so far, in seconds (utime + stime from /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function toMs(text: string): number {
  const match = /^([0-9.]+)(us|ms|s)$/.exec(text)!;
  return Number(match[1]) * (match[2] === 'us' ? 0.001 : match[2] === 's' ? 1000 : 1);
}

function wrk(url: string, connections: number, duration = seconds, pid?: number): WrkResult {
  const before = pid === undefined ? 0 : cpuSeconds(pid);
  const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const rps = Number(/Requests\/sec:\s+([0-9.]+)/.exec(run.stdout)![1]);
  const requests = Number(/(\d+) requests in/.exec(run.stdout)![1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(run.stdout)![1]!);
  const p99 = toMs(/\s99%\s+(\S+)/.exec(run.stdout)![1]!);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(run.stdout);
  if (errors) throw new Error(`${url}: ${errors[1]} failed responses`);
  return { rps, p50, p99, requests, ...(pid === undefined ? {} : { cpuUs: ((cpuSeconds(pid) - before) * 1e6) / requests }) };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  for (const tool of ['wrk', 'nginx']) {
    if (spawnSync('which', [tool]).status !== 0) throw new Error(`${tool} is required: apt-get install ${tool}`);
  }
  const stable = await backend('stable');
  const canary = await backend('canary');

  const gatewayPort = await freePort();
  const gateway = fork(join(here, 'gateway-process.ts'), [String(gatewayPort), String(stable), String(canary)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  children.push(gateway);
  await ready(gateway);

  const nginxPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-bench-nginx-'));
  // One worker, like our single-threaded gateway (one process against one process); keep-alive to
  // the backends like our pool; it sets X-Forwarded-For as ours does.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  upstream bench { server 127.0.0.1:${stable} weight=9; server 127.0.0.1:${canary} weight=1; keepalive 128; }
  server {
    listen 127.0.0.1:${nginxPort};
    location / { proxy_pass http://bench; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header X-Forwarded-For $remote_addr; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  children.push(nginx);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // The one worker does the proxying; the master only watches it.
  const nginxWorker = Number(readFileSync(`/proc/${nginx.pid}/task/${nginx.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
  const targets = { direct: { port: stable, pid: undefined }, nginx: { port: nginxPort, pid: nginxWorker }, stepwise: { port: gatewayPort, pid: gateway.pid } } as const;
  const measure = (name: keyof typeof targets, connections: number): WrkResult => {
    const { port, pid } = targets[name];
    wrk(`http://127.0.0.1:${port}/`, connections, WARM_UP_SECONDS); // warm-up pass, discarded
    return wrk(`http://127.0.0.1:${port}/`, connections, seconds, pid);
  };

  const loadBefore = loadavg();
  const rows: Array<[string, string, WrkResult]> = [];
  const ratios: number[] = [];
  rows.push(['saturated', 'direct', measure('direct', 64)]);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['nginx', 'stepwise'] as const) : (['stepwise', 'nginx'] as const);
    const results = new Map(order.map((name) => [name, measure(name, 64)]));
    for (const name of ['nginx', 'stepwise'] as const) rows.push([`saturated#${round + 1}`, name, results.get(name)!]);
    ratios.push(results.get('stepwise')!.rps / results.get('nginx')!.rps);
  }
  for (const name of ['direct', 'nginx', 'stepwise'] as const) rows.push(['moderate', name, measure(name, 4)]);
  const loadAfter = loadavg();

  console.log(`load         target     req/s      p50 ms   p99 ms   proxy CPU µs/req`);
  for (const [label, name, result] of rows) {
    console.log(
      `${label.padEnd(12)} ${name.padEnd(10)} ${result.rps.toFixed(0).padStart(8)}   ${result.p50.toFixed(3).padStart(6)}   ${result.p99.toFixed(3).padStart(7)}   ${result.cpuUs === undefined ? '' : result.cpuUs.toFixed(1).padStart(6)}`,
    );
  }
  const find = (label: string, name: string) => rows.find((row) => row[0] === label && row[1] === name)![2];
  const saturated = (name: string) => rows.filter((row) => row[0].startsWith('saturated#') && row[1] === name).map((row) => row[2]);
  const cpu = (name: string) => median(saturated(name).map((result) => result.cpuUs!));
  const added = find('moderate', 'stepwise').p99 - find('moderate', 'direct').p99;
  const addedNginx = find('moderate', 'nginx').p99 - find('moderate', 'direct').p99;
  console.log(`\nload average (1, 5, 15 min): before ${loadBefore.map((value) => value.toFixed(2)).join(' ')}, after ${loadAfter.map((value) => value.toFixed(2)).join(' ')}`);
  console.log(
    `throughput, stepwise / nginx, saturated: per round ${ratios.map((ratio) => `${(ratio * 100).toFixed(0)}%`).join(', ')}; median ${(median(ratios) * 100).toFixed(0)}% (goal >= 50%)`,
  );
  console.log(`proxy CPU per request (median of rounds): nginx ${cpu('nginx').toFixed(1)} µs, stepwise ${cpu('stepwise').toFixed(1)} µs (${(cpu('nginx') / cpu('stepwise') * 100).toFixed(0)}% of stepwise's cost)`);
  console.log(`added p99 at moderate load (4 connections): stepwise ${added.toFixed(3)} ms, nginx ${addedNginx.toFixed(3)} ms (goal < 1 ms)`);
  rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
