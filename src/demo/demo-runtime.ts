import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StepwiseError } from '../model/errors.ts';
import { RolloutRunner } from '../rollout/runner/rollout-runner.ts';
import { LocalTarget } from '../rollout/targets/local/local-target.ts';
import { startServer, type RunningServer } from '../server/start-server.ts';
import { createEnvironment } from '../store/registry/environments.ts';

/** Marks a directory as the demo's own, so starting a demo may wipe it and nothing else. */
const MARKER = '.stepwise-demo';

export interface DemoRuntime {
  readonly url: string;
  readonly adminToken: string;
  readonly server: RunningServer;
  readonly target: LocalTarget;
  close(): Promise<void>;
}

export interface DemoRuntimeOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly environment: string;
  /** Directories the story's services write to; emptied so every run tells the same story. */
  readonly scratch: readonly string[];
  readonly cwd: string;
  readonly log: (line: string) => void;
}

/**
 * The control plane on the embedded defaults (SQLite in the data directory), the local runtime
 * for one environment, and the rollout runner: everything a story needs, in this process.
 */
export async function startDemoRuntime(options: DemoRuntimeOptions): Promise<DemoRuntime> {
  const dataDir = resolve(options.cwd, options.dataDir);
  prepareDataDir(dataDir);
  for (const dir of options.scratch) rmSync(resolve(options.cwd, dir), { recursive: true, force: true });
  const adminToken = `stw_demo_${randomBytes(16).toString('hex')}`;
  const server = await startServer({ store: { sqlitePath: join(dataDir, 'stepwise.db') }, host: '127.0.0.1', port: options.port, adminToken }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StepwiseError('BAD_INPUT', `port ${options.port} is in use: is another Stepwise running? Stop it, or pass --port`, { pointer: '/port' });
    }
    throw error;
  });
  await createEnvironment(server.store.db, { name: options.environment, actor: 'stepwise demo' });
  // The example services inherit this process's environment: those that read feature flags
  // find the control plane through these, as a service configured by its platform would.
  process.env.STEPWISE_URL = server.url;
  process.env.STEPWISE_TOKEN = adminToken;
  const target = new LocalTarget(dataDir, options.environment);
  const runner = new RolloutRunner({
    db: server.store.db,
    target,
    environment: options.environment,
    intervalMs: 250,
    onError: (error) => options.log(`rollout runner: ${error instanceof Error ? error.message : String(error)}`),
  });
  runner.start();
  let closed = false;
  return {
    url: server.url,
    adminToken,
    server,
    target,
    async close() {
      if (closed) return;
      closed = true;
      await runner.stop();
      await target.close({ stopVersions: true });
      await server.close();
    },
  };
}

function prepareDataDir(dataDir: string): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!existsSync(join(dataDir, MARKER))) {
      throw new StepwiseError('BAD_INPUT', `${dataDir} holds other data: the demo starts from an empty directory (pass another --data)`, { file: dataDir });
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, MARKER), 'Made by `stepwise demo`, which empties this directory when it starts.\n');
}
