import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createSqlitePath } from '../../support/databases.ts';

export interface ServerProcess {
  readonly url: string;
  readonly adminToken: string;
  readonly child: ChildProcess;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./flag-server-process.ts', import.meta.url));

export interface SpawnOptions {
  /** Share a PostgreSQL database (several replicas) instead of a fresh SQLite file. */
  readonly postgresUrl?: string;
  /** Reuse a replica's admin token. */
  readonly adminToken?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts the real server in a child process (fresh SQLite file unless given PostgreSQL); resolves once it listens. */
export async function spawnFlagServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const file = options.postgresUrl ? undefined : createSqlitePath();
  const args = ['--import', 'tsx', SCRIPT, options.postgresUrl ?? file!.path, ...(options.adminToken ? [options.adminToken] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  let buffer = '';
  const started = new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(buffer.slice(0, end)) as { url: string; adminToken: string });
    });
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code} before listening`)));
  });
  const { url, adminToken } = await started;
  return {
    url,
    adminToken,
    child,
    async request(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      // `any`: callers read whichever response shape the route returns
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      file?.remove();
    },
  };
}
