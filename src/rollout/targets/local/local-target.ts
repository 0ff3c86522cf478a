import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricsWindow } from '../../analysis/metrics-window.ts';
import type { VersionObservation } from '../../machine/rollout-observation.ts';
import type { ServiceObservation, ServiceTrafficSpec, Target, VersionRunSpec } from '../target.ts';
import { freePort } from './free-port.ts';
import { TrafficGateway } from './traffic-gateway.ts';
import { stopLeftover, VersionProcess } from './version-process.ts';

const ABSENT: VersionObservation = { state: 'absent', healthy: false };

/**
 * Runs an environment on this machine: each version a child process on its own port, each service
 * a gateway on a stable port. Logs go to `<dataDir>/<environment>/logs/<service>/<version>.log`.
 */
export class LocalTarget implements Target {
  readonly name = 'local';
  readonly incarnation = randomUUID();
  private readonly gateways = new Map<string, TrafficGateway>();
  private readonly processes = new Map<string, VersionProcess>();
  private readonly listeners: Array<(service: string) => void> = [];
  private readonly root: string;

  constructor(dataDir: string, environment: string) {
    this.root = join(dataDir, environment);
    mkdirSync(this.root, { recursive: true });
  }

  logPath(service: string, version: string): string {
    return join(this.root, 'logs', service, `${version}.log`);
  }

  async ensureService(spec: ServiceTrafficSpec): Promise<{ port: number; previewPort: number }> {
    const existing = this.gateways.get(spec.service);
    if (existing) return { port: existing.port, previewPort: existing.previewPort };
    const ports = this.readPorts();
    const remembered = ports[spec.service];
    const gateway = new TrafficGateway({
      service: spec.service,
      port: spec.port ?? remembered?.port ?? 0,
      previewPort: spec.previewPort ?? remembered?.previewPort ?? 0,
      sticky: spec.sticky,
    });
    const bound = await gateway.listen();
    this.gateways.set(spec.service, gateway);
    ports[spec.service] = { port: bound.port, previewPort: bound.previewPort ?? 0 };
    writeFileSync(this.portsPath, JSON.stringify(ports, null, 2));
    for (const [key, process] of this.processes) if (key.startsWith(`${spec.service}@`)) this.sync(spec.service, key.slice(spec.service.length + 1), process);
    return { port: bound.port, previewPort: bound.previewPort ?? 0 };
  }

  gateway(service: string): TrafficGateway | undefined {
    return this.gateways.get(service);
  }

  async startVersion(spec: VersionRunSpec): Promise<void> {
    const key = `${spec.service}@${spec.version}`;
    let process = this.processes.get(key);
    if (process && (process.observe().state === 'starting' || process.observe().state === 'running')) return;
    if (!process) {
      process = new VersionProcess(
        key,
        { command: spec.command, cwd: spec.cwd, env: spec.env, portVariable: spec.portVariable, ...(spec.health ? { health: spec.health } : {}) },
        this.logPath(spec.service, spec.version),
        join(this.root, 'run', `${key}.json`),
        () => this.changed(spec.service, spec.version),
      );
      this.processes.set(key, process);
      if (process.adopt()) return this.sync(spec.service, spec.version, process);
    }
    process.start(await freePort(), Date.now());
    this.sync(spec.service, spec.version, process);
  }

  async stopVersion(service: string, version: string): Promise<void> {
    const key = `${service}@${version}`;
    const process = this.processes.get(key);
    this.gateways.get(service)?.removeBackend(version);
    if (!process) {
      await stopLeftover(key, join(this.root, 'run', `${key}.json`));
      return;
    }
    this.processes.delete(key);
    await process.stop();
  }

  async setWeights(service: string, weights: Readonly<Record<string, number>>): Promise<void> {
    this.gateways.get(service)?.setWeights(weights);
  }

  async setPreview(service: string, version: string | null): Promise<void> {
    this.gateways.get(service)?.setPreview(version);
  }

  async observe(service: string, versions: readonly string[]): Promise<ServiceObservation> {
    const gateway = this.gateways.get(service);
    return {
      versions: Object.fromEntries(versions.map((version) => [version, this.processes.get(`${service}@${version}`)?.observe() ?? ABSENT])),
      weights: gateway?.getWeights() ?? {},
      preview: gateway?.preview ?? null,
    };
  }

  async metrics(service: string, version: string, fromMs: number, toMs: number): Promise<MetricsWindow> {
    const gateway = this.gateways.get(service);
    return gateway ? gateway.metrics(version, fromMs, toMs) : { requests: 0, errors: 0, p50Ms: null, p99Ms: null };
  }

  onChange(listener: (service: string) => void): void {
    this.listeners.push(listener);
  }

  async close(options: { stopVersions: boolean }): Promise<void> {
    await Promise.all([...this.gateways.values()].map((gateway) => gateway.close()));
    this.gateways.clear();
    if (options.stopVersions) await Promise.all([...this.processes.values()].map((process) => process.stop()));
    else for (const process of this.processes.values()) process.detach();
    this.processes.clear();
  }

  private changed(service: string, version: string): void {
    const process = this.processes.get(`${service}@${version}`);
    if (process) this.sync(service, version, process);
    for (const listener of this.listeners) listener(service);
  }

  /** Keeps the gateway's view of a version (port, health) in step with its process. */
  private sync(service: string, version: string, process: VersionProcess): void {
    const gateway = this.gateways.get(service);
    if (!gateway || process.port === 0) return;
    gateway.setBackend(version, process.port, process.routable);
  }

  private get portsPath(): string {
    return join(this.root, 'ports.json');
  }

  private readPorts(): Record<string, { port: number; previewPort: number }> {
    return existsSync(this.portsPath) ? (JSON.parse(readFileSync(this.portsPath, 'utf8')) as Record<string, { port: number; previewPort: number }>) : {};
  }
}
