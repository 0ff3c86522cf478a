// bench/gateway: throughput and added latency of Stepwise's gateway against a direct connection
// and against nginx doing the same 90/10 weighted split to the same two backends, same run.
// Needs `wrk` and `nginx` (Debian packages). Usage: node --import tsx bench/gateway/run.ts [seconds]
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/rollout/targets/local/free-port.ts';

const seconds = Number(process.argv[2] ?? 8);
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
}

function toMs(text: string): number {
  const match = /^([0-9.]+)(us|ms|s)$/.exec(text)!;
  return Number(match[1]) * (match[2] === 'us' ? 0.001 : match[2] === 's' ? 1000 : 1);
}

function wrk(url: string, connections: number): WrkResult {
  const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const rps = Number(/Requests\/sec:\s+([0-9.]+)/.exec(run.stdout)![1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(run.stdout)![1]!);
  const p99 = toMs(/\s99%\s+(\S+)/.exec(run.stdout)![1]!);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(run.stdout);
  if (errors) throw new Error(`${url}: ${errors[1]} failed responses`);
  return { rps, p50, p99 };
}

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
  // One worker, like our single-threaded gateway; keep-alive to the backends like our pool.
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
    location / { proxy_pass http://bench; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  children.push(nginx);
  await new Promise((resolve) => setTimeout(resolve, 500));

  const rows: Array<[string, string, WrkResult]> = [];
  for (const [label, connections] of [['saturated', 64], ['moderate', 4]] as const) {
    for (const [name, port] of [['direct', stable], ['nginx', nginxPort], ['stepwise', gatewayPort]] as const) {
      wrk(`http://127.0.0.1:${port}/`, connections); // warm-up pass, discarded
      rows.push([label, name, wrk(`http://127.0.0.1:${port}/`, connections)]);
    }
  }
  const find = (label: string, name: string) => rows.find((row) => row[0] === label && row[1] === name)![2];
  console.log(`load       target     req/s      p50 ms   p99 ms`);
  for (const [label, name, result] of rows) {
    console.log(`${label.padEnd(10)} ${name.padEnd(10)} ${result.rps.toFixed(0).padStart(8)}   ${result.p50.toFixed(3).padStart(6)}   ${result.p99.toFixed(3).padStart(6)}`);
  }
  const ratio = find('saturated', 'stepwise').rps / find('saturated', 'nginx').rps;
  const added = find('moderate', 'stepwise').p99 - find('moderate', 'direct').p99;
  const addedNginx = find('moderate', 'nginx').p99 - find('moderate', 'direct').p99;
  console.log(`\nthroughput, stepwise / nginx: ${(ratio * 100).toFixed(0)}% (goal >= 50%)`);
  console.log(`added p99 at moderate load (4 connections): stepwise ${added.toFixed(3)} ms, nginx ${addedNginx.toFixed(3)} ms (goal < 1 ms)`);
  rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
