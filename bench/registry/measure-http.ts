import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/stepwise.js', import.meta.url));

export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  /** The server's own handling time (its Server-Timing header), without client and queueing time. */
  readonly serverP50: number;
  readonly serverP99: number;
  readonly mean: number;
  readonly bytes: number;
}

export interface BenchServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the real `stepwise server` in its own process, so the timing client does not share its event loop. */
export function startServerProcess(args: readonly string[], env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--json', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      const { url } = JSON.parse(out.split('\n')[0]!) as { url: string };
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Times `count` sequential GETs (after `warmup` untimed ones), reading each body to the end. */
export async function timeRequests(
  paths: (index: number) => string,
  base: string,
  token: string,
  count: number,
  warmup = 30,
  /** Untimed work before each request (e.g. a change that invalidates a cache). */
  before?: (index: number) => Promise<void>,
): Promise<LatencyFigures> {
  const headers = { authorization: `Bearer ${token}` };
  const samples: number[] = [];
  const server: number[] = [];
  let bytes = 0;
  for (let index = 0; index < warmup + count; index++) {
    await before?.(index);
    const started = performance.now();
    const response = await fetch(`${base}${paths(index)}`, { headers });
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${paths(index)} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
    if (index >= warmup) {
      samples.push(elapsed);
      server.push(Number(/dur=([0-9.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN));
      bytes = body.byteLength;
    }
  }
  const at = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
  return {
    p50: at(samples, 0.5),
    p99: at(samples, 0.99),
    serverP50: at(server, 0.5),
    serverP99: at(server, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    bytes,
  };
}
