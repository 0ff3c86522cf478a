import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import type { MetricsRecorder } from './metrics-recorder.ts';

// Hop-by-hop headers belong to one connection and must not be forwarded (RFC 9110 §7.6.1); `host`
// is the pool's own. The gateway sets the last two itself, so a client cannot forge them.
const DROPPED_REQUEST = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'http2-settings', 'x-forwarded-for', 'x-stepwise-version']);
const DROPPED_RESPONSE = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'http2-settings']);

/** The client's headers as a flat name/value array, ready for undici, plus the gateway's own. */
export function forwardedRequestHeaders(req: IncomingMessage, version: string): string[] {
  const raw = req.rawHeaders;
  const out: string[] = [];
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!;
    if (!DROPPED_REQUEST.has(name.toLowerCase())) out.push(name, raw[index + 1]!);
  }
  out.push('x-forwarded-for', req.socket.remoteAddress ?? '', 'x-stepwise-version', version);
  return out;
}

/** What the exchange reports back when it cannot finish the request itself. */
export interface ExchangeOwner {
  /** Called when the backend could not be reached and nothing was sent to the client yet. */
  failed(exchange: ProxyExchange): void;
}

/**
 * One request on its way through the gateway: an undici dispatch handler that writes the backend's
 * answer straight into the client's response. It uses undici's raw handler methods on purpose: they
 * hand over the response headers as the raw array (no parsed object per request) and involve no
 * stream or promise, which is most of what a proxied request costs in JavaScript. One object per
 * request, methods on the prototype; the metrics are recorded once, on completion or error.
 */
export class ProxyExchange implements Dispatcher.DispatchHandler {
  private abort: ((error?: Error) => void) | null = null;
  /** undici's function that resumes reading the backend after onData returned false. */
  private resumeBackend: (() => void) | null = null;
  /** Listener for the client's `drain` and `close`, made only if the client ever falls behind. */
  private onDrainBound: (() => void) | null = null;
  private status = 0;
  private done = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly version: string,
    readonly mayRetry: boolean,
    private readonly metrics: MetricsRecorder,
    private readonly owner: ExchangeOwner,
    private readonly started: number,
  ) {}

  onConnect(abort: (error?: Error) => void): void {
    this.abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void): boolean {
    const res = this.res;
    if (res.destroyed) return this.clientGone();
    this.status = statusCode;
    this.resumeBackend = resume;
    const out: string[] = [];
    for (let index = 0; index < rawHeaders.length; index += 2) {
      // latin1 keeps every byte of a header as it came (node writes headers back as latin1)
      const name = rawHeaders[index]!.toString('latin1');
      if (!DROPPED_RESPONSE.has(name.toLowerCase())) out.push(name, rawHeaders[index + 1]!.toString('latin1'));
    }
    res.writeHead(statusCode, out);
    return true;
  }

  onData(chunk: Buffer): boolean {
    const res = this.res;
    if (res.destroyed) return this.clientGone();
    if (res.write(chunk)) return true;
    // The client reads slower than the backend writes: pause the backend until the client drains,
    // and give up on it if the client leaves meanwhile. Rare, so the listeners cost only here.
    this.onDrainBound ??= this.onDrain.bind(this);
    res.on('drain', this.onDrainBound);
    res.on('close', this.onDrainBound);
    return false;
  }

  onComplete(): void {
    this.res.end();
    this.record(this.status >= 500);
  }

  onError(error: Error): void {
    this.record(true);
    const res = this.res;
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    if (!res.destroyed) this.owner.failed(this);
  }

  private onDrain(): void {
    const res = this.res;
    res.removeListener('drain', this.onDrainBound!);
    res.removeListener('close', this.onDrainBound!);
    if (res.destroyed) this.clientGone();
    else this.resumeBackend?.();
  }

  /** The client left: stop reading the backend. Its answer so far counts, not as a backend error. */
  private clientGone(): false {
    this.record(this.status >= 500);
    this.abort?.(new Error('the client closed the connection'));
    return false;
  }

  private record(error: boolean): void {
    if (this.done) return;
    this.done = true;
    const now = performance.now();
    this.metrics.record(performance.timeOrigin + now, now - this.started, error);
  }
}
