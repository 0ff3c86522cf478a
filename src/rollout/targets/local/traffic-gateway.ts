import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type Dispatcher } from 'undici';
import { StepwiseError } from '../../../model/errors.ts';
import { MetricsRecorder } from './metrics-recorder.ts';
import { pickVersion, stickyPoint } from './pick-version.ts';
import { forwardedRequestHeaders, ProxyExchange, type ExchangeOwner } from './proxy-exchange.ts';
import type { MetricsWindow } from '../../analysis/metrics-window.ts';

export interface GatewayOptions {
  readonly service: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly previewPort?: number;
  readonly sticky?: { readonly header?: string; readonly cookie?: string };
}

interface Backend {
  readonly port: number;
  readonly pool: Pool;
  routable: boolean;
  readonly metrics: MetricsRecorder;
}

/**
 * A service's stable address: routes each request to a live version by weight and measures every
 * version (requests, 5xx and connection errors, latency). A request that fails to connect and
 * carries no body is retried once on another version, so a crashing canary costs its own metrics,
 * not the client's request.
 */
export class TrafficGateway implements ExchangeOwner {
  readonly service: string;
  private readonly backends = new Map<string, Backend>();
  private weights: Array<[string, number]> = [];
  private previewVersion: string | null = null;
  private server: Server | null = null;
  private previewServer: Server | null = null;
  private readonly metricsByVersion = new Map<string, MetricsRecorder>();

  /** Made once: routing asks it for every request. */
  private readonly routable = (version: string): boolean => this.backends.get(version)?.routable === true;

  constructor(private readonly options: GatewayOptions) {
    this.service = options.service;
  }

  async listen(): Promise<{ port: number; previewPort?: number }> {
    this.server = await this.listenOn(this.options.port, (req, res) => this.route(req, res, false));
    if (this.options.previewPort !== undefined) {
      this.previewServer = await this.listenOn(this.options.previewPort, (req, res) => this.route(req, res, true));
    }
    return { port: this.port, ...(this.previewServer ? { previewPort: this.previewPort } : {}) };
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  get previewPort(): number {
    return (this.previewServer?.address() as AddressInfo | null)?.port ?? 0;
  }

  private listenOn(port: number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
    const server = createServer({ keepAliveTimeout: 65_000 }, handler);
    return new Promise((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new StepwiseError('PORT_IN_USE', `the gateway of ${this.service} cannot listen on 127.0.0.1:${port}: the port is in use`, undefined, { port })
            : error,
        );
      });
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  }

  /** Adds or moves a version's backend; `routable` says whether it passes its health check. */
  setBackend(version: string, port: number, routable: boolean): void {
    const existing = this.backends.get(version);
    if (existing && existing.port === port) {
      existing.routable = routable;
      return;
    }
    if (existing) void existing.pool.close().catch(() => undefined);
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });
    this.backends.set(version, { port, pool, routable, metrics: this.recorder(version) });
  }

  removeBackend(version: string): void {
    const backend = this.backends.get(version);
    if (!backend) return;
    this.backends.delete(version);
    // let requests in flight finish before the pool goes
    void backend.pool.close().catch(() => undefined);
  }

  setWeights(weights: Readonly<Record<string, number>>): void {
    this.weights = Object.entries(weights);
  }

  getWeights(): Record<string, number> {
    return Object.fromEntries(this.weights);
  }

  setPreview(version: string | null): void {
    this.previewVersion = version;
  }

  get preview(): string | null {
    return this.previewVersion;
  }

  metrics(version: string, fromMs: number, toMs: number): MetricsWindow {
    return this.recorder(version).window(fromMs, toMs);
  }

  private recorder(version: string): MetricsRecorder {
    let recorder = this.metricsByVersion.get(version);
    if (!recorder) this.metricsByVersion.set(version, (recorder = new MetricsRecorder()));
    return recorder;
  }

  private point(req: IncomingMessage): number {
    const sticky = this.options.sticky;
    if (sticky?.header) {
      const value = req.headers[sticky.header];
      if (typeof value === 'string' && value !== '') return stickyPoint(value);
    }
    if (sticky?.cookie && req.headers.cookie) {
      for (const part of req.headers.cookie.split(';')) {
        const [name, ...rest] = part.trim().split('=');
        if (name === sticky.cookie) return stickyPoint(rest.join('='));
      }
    }
    return Math.random() * 100;
  }

  /** Before any weights are set (a gateway just started), any healthy version beats a 503. */
  private anyRoutable(): string | undefined {
    for (const [version, backend] of this.backends) if (backend.routable) return version;
    return undefined;
  }

  private route(req: IncomingMessage, res: ServerResponse, preview: boolean): void {
    const version = preview
      ? this.previewVersion !== null && this.routable(this.previewVersion) ? this.previewVersion : undefined
      : (pickVersion(this.weights, this.routable, this.point(req)) ?? this.anyRoutable());
    if (version === undefined) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end(`no live version of ${this.service}${preview ? ' to preview' : ''}\n`);
      return;
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
    this.forward(req, res, version, hasBody, preview ? false : !hasBody);
  }

  private forward(req: IncomingMessage, res: ServerResponse, version: string, hasBody: boolean, mayRetry: boolean): void {
    const backend = this.backends.get(version)!;
    const exchange = new ProxyExchange(req, res, version, mayRetry, backend.metrics, this, performance.now());
    backend.pool.dispatch({ method: req.method as Dispatcher.HttpMethod, path: req.url ?? '/', headers: forwardedRequestHeaders(req, version), body: hasBody ? req : null }, exchange);
  }

  /** The backend could not be reached: one retry on another version when that is safe, else a 502. */
  failed(exchange: ProxyExchange): void {
    const { req, res, version } = exchange;
    const fallback = exchange.mayRetry ? pickVersion(this.weights, this.routable, Math.random() * 100, version) : undefined;
    if (fallback !== undefined) this.forward(req, res, fallback, false, false);
    else res.writeHead(502, { 'content-type': 'text/plain' }).end(`${this.service}@${version} did not answer\n`);
  }

  async close(): Promise<void> {
    const closing = [this.server, this.previewServer].map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server) return resolve();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    await Promise.all(closing);
    await Promise.all([...this.backends.values()].map((backend) => backend.pool.close().catch(() => undefined)));
    this.backends.clear();
  }
}
