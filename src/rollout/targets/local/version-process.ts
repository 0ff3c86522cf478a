import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VersionObservation } from '../../machine/rollout-observation.ts';

export interface RunCommand {
  readonly command: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Environment variable that receives the port (default PORT). */
  readonly portVariable: string;
  /** HTTP path that must answer 2xx; without one any answer below 500 counts. */
  readonly health?: string;
}

interface PidRecord {
  readonly pid: number;
  readonly port: number;
  readonly command: string;
  readonly launchedAtMs: number;
}

const UNHEALTHY_AFTER = 3;

/**
 * One service version running as a child process on its own port, with its health polled. The
 * process runs in its own group with its output in a log file and its pid in a file, so it
 * outlives a crash of the control plane and the next incarnation adopts it instead of starting
 * a twin.
 */
export class VersionProcess {
  private state: VersionObservation['state'] = 'absent';
  private healthy = false;
  private failures = 0;
  private detail: string | undefined;
  private pid: number | undefined;
  private launchedAtMs: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  port = 0;

  constructor(
    readonly label: string,
    private readonly run: RunCommand,
    private readonly logPath: string,
    private readonly pidPath: string,
    private readonly onChange: () => void,
  ) {}

  /** The deterministic id a launched process carries in its environment (`STEPWISE_INSTANCE`). */
  get marker(): string {
    return `${this.label}:${this.pidPath}`;
  }

  observe(): VersionObservation {
    return {
      state: this.state,
      healthy: this.healthy,
      ...(this.launchedAtMs === undefined ? {} : { launchedAtMs: this.launchedAtMs }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }

  get routable(): boolean {
    return this.state === 'running' && this.healthy;
  }

  /** Adopts the process a previous incarnation left running, if its pid file names a live one. */
  adopt(): boolean {
    let record = existsSync(this.pidPath) ? (JSON.parse(readFileSync(this.pidPath, 'utf8')) as PidRecord) : undefined;
    if (record && (record.command !== this.run.command || !alive(record.pid))) {
      rmSync(this.pidPath, { force: true });
      record = undefined;
    }
    // killed between launching and writing the pid file: find the process by its instance marker
    record ??= findByMarker(this.marker, this.run.portVariable, this.run.command);
    if (!record) return false;
    this.pid = record.pid;
    this.port = record.port;
    // the health deadline runs from the adoption: the control plane was away, not the version slow
    this.launchedAtMs = Date.now();
    this.state = 'starting';
    this.poll(100);
    return true;
  }

  start(port: number, nowMs: number): void {
    if (this.state === 'starting' || this.state === 'running') return;
    this.port = port;
    this.launchedAtMs = nowMs;
    this.healthy = false;
    this.failures = 0;
    this.detail = undefined;
    this.stopping = false;
    mkdirSync(dirname(this.logPath), { recursive: true });
    const log = openSync(this.logPath, 'a');
    // a simple command replaces the shell (one process to watch); a compound one keeps it, and the group kill covers both
    const simple = !/[;&|()<>`$]/.test(this.run.command) && !/^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(this.run.command);
    const child = spawn('/bin/sh', ['-c', simple ? `exec ${this.run.command}` : this.run.command], {
      cwd: this.run.cwd,
      env: { ...process.env, ...this.run.env, [this.run.portVariable]: String(port), STEPWISE_INSTANCE: this.marker },
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    this.state = 'starting';
    child.on('error', (error) => this.ended(`could not run "${this.run.command}": ${error.message}`, 'failed'));
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.ended(signal ? `killed by ${signal}` : `exit code ${code}${this.logTail()}`, 'exited');
    });
    if (child.pid !== undefined) {
      this.pid = child.pid;
      mkdirSync(dirname(this.pidPath), { recursive: true });
      writeFileSync(this.pidPath, JSON.stringify({ pid: child.pid, port, command: this.run.command, launchedAtMs: nowMs } satisfies PidRecord));
    }
    this.poll(50);
  }

  /** Stops the version's process group: TERM, then KILL if it is still there after a grace period. */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const pid = this.pid;
    this.state = 'absent';
    this.healthy = false;
    this.pid = undefined;
    rmSync(this.pidPath, { force: true });
    if (pid === undefined) return;
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    if (alive(pid)) signal(pid, 'SIGKILL');
    this.onChange();
  }

  /** Stops polling but leaves the process running (the control plane is going away, not the version). */
  detach(): void {
    clearTimeout(this.timer);
    this.stopping = true;
  }

  private ended(detail: string, state: 'exited' | 'failed'): void {
    clearTimeout(this.timer);
    this.state = state;
    this.healthy = false;
    this.detail = detail;
    rmSync(this.pidPath, { force: true });
    this.onChange();
  }

  private logTail(): string {
    try {
      if (statSync(this.logPath).size === 0) return '';
      const lines = readFileSync(this.logPath, 'utf8').trimEnd().split('\n');
      const tail = lines.slice(-2).join(' | ').slice(-240);
      return tail ? `; log: ${tail}` : '';
    } catch {
      return '';
    }
  }

  private poll(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delayMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.state !== 'starting' && this.state !== 'running') return;
    if (this.pid !== undefined && !alive(this.pid)) return this.ended('the process is gone', 'exited');
    const ok = await probe(this.port, this.run.health);
    if (this.stopping || (this.state !== 'starting' && this.state !== 'running')) return;
    const before = this.routable;
    if (ok) {
      this.failures = 0;
      this.state = 'running';
      this.healthy = true;
      this.detail = undefined;
    } else if (this.state === 'running' && ++this.failures >= UNHEALTHY_AFTER) {
      this.healthy = false;
      this.detail = `health check failed ${this.failures} times in a row`;
    }
    if (before !== this.routable) this.onChange();
    this.poll(this.state === 'starting' ? 100 : 250);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

async function probe(port: number, path: string | undefined): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path ?? '/'}`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return path ? response.status >= 200 && response.status < 300 : response.status < 500;
  } catch {
    return false;
  }
}

/** Scans /proc (Linux) for a live process whose environment carries `marker`. */
function findByMarker(marker: string, portVariable: string, command: string): PidRecord | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const needle = `STEPWISE_INSTANCE=${marker}`;
  for (const entry of entries) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const variables = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!variables.includes(needle)) continue;
      const port = Number(variables.find((variable) => variable.startsWith(`${portVariable}=`))?.slice(portVariable.length + 1));
      if (Number.isInteger(port) && port > 0) return { pid: Number(entry), port, command, launchedAtMs: Date.now() };
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}

/**
 * Stops a version this incarnation never adopted but a previous one may have left running: found
 * by its pid file, or by its instance marker when the pid file was never written.
 */
export async function stopLeftover(label: string, pidPath: string, graceMs = 2_000): Promise<boolean> {
  let pid: number | undefined;
  if (existsSync(pidPath)) {
    const record = JSON.parse(readFileSync(pidPath, 'utf8')) as PidRecord;
    if (alive(record.pid)) pid = record.pid;
  }
  pid ??= findByMarker(`${label}:${pidPath}`, 'PORT', '')?.pid ?? findAnyByMarker(`${label}:${pidPath}`);
  rmSync(pidPath, { force: true });
  if (pid === undefined) return false;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  if (alive(pid)) signal(pid, 'SIGKILL');
  return true;
}

function findAnyByMarker(marker: string): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`STEPWISE_INSTANCE=${marker}`)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}
