import type { FlagSnapshot } from '../evaluate/flag-set.ts';
import type { FlagSource } from './flag-source.ts';
import { readServerSentEvents } from '../../http/server-sent-events.ts';

export interface RemoteFlagSourceOptions {
  /** Server base URL, e.g. http://127.0.0.1:4400 */
  readonly url: string;
  readonly environment: string;
  readonly token?: string;
  /** `stream` (server-sent events, default): changes arrive as they happen. `poll`: ETag polling. */
  readonly mode?: 'stream' | 'poll';
  /** Poll period, and the longest wait before reconnecting a dropped stream. Default 15 s. */
  readonly intervalMs?: number;
}

/**
 * Keeps a snapshot of one environment's flags in sync with a Stepwise server: a server-sent-events
 * stream that pushes a full snapshot on every change (reconnecting with backoff when dropped), or
 * polling with If-None-Match so an unchanged environment costs a 304.
 */
export class RemoteFlagSource implements FlagSource {
  private readonly listeners: Array<(snapshot: FlagSnapshot) => void> = [];
  private readonly abort = new AbortController();
  private revision: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: RemoteFlagSourceOptions) {}

  onChange(listener: (snapshot: FlagSnapshot) => void): void {
    this.listeners.push(listener);
  }

  async start(): Promise<FlagSnapshot> {
    if (this.options.mode === 'poll') {
      const first = await this.fetchSnapshot();
      if (!first) throw new Error('the server answered 304 to a request without a revision');
      this.accept(first);
      this.schedulePoll();
      return first;
    }
    return new Promise<FlagSnapshot>((resolve, reject) => {
      let started = false;
      this.stream(
        (snapshot) => {
          if (!started) {
            started = true;
            resolve(snapshot);
          }
        },
        (error) => {
          if (!started) {
            started = true;
            // a source that never started has no listener to keep current: stop retrying
            void this.close();
            reject(error);
          }
        },
        0,
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
  }

  private base(): string {
    return `${this.options.url.replace(/\/$/, '')}/v1/environments/${encodeURIComponent(this.options.environment)}/flags`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.options.token ? { authorization: `Bearer ${this.options.token}`, ...extra } : extra;
  }

  private accept(snapshot: FlagSnapshot): boolean {
    if (snapshot.revision === this.revision) return false;
    const first = this.revision === undefined;
    this.revision = snapshot.revision;
    if (!first) for (const listener of this.listeners) listener(snapshot);
    return true;
  }

  private async fetchSnapshot(): Promise<FlagSnapshot | undefined> {
    const headers = this.headers(this.revision ? { 'if-none-match': `"${this.revision}"` } : {});
    const response = await fetch(`${this.base()}/snapshot`, { headers, signal: this.abort.signal });
    if (response.status === 304) return undefined;
    if (!response.ok) throw new Error(`flag snapshot request failed with HTTP ${response.status}: ${await response.text()}`);
    return (await response.json()) as FlagSnapshot;
  }

  private schedulePoll(): void {
    if (this.closed) return;
    this.timer = setTimeout(async () => {
      try {
        const snapshot = await this.fetchSnapshot();
        if (snapshot) this.accept(snapshot);
      } catch {
        // a failed poll keeps the last snapshot; the next one tries again
      }
      this.schedulePoll();
    }, this.options.intervalMs ?? 15_000);
  }

  private stream(onSnapshot: (snapshot: FlagSnapshot) => void, onError: (error: Error) => void, attempt: number): void {
    if (this.closed) return;
    const retry = (error: Error) => {
      onError(error);
      if (this.closed) return;
      const delay = Math.min(250 * 2 ** attempt, this.options.intervalMs ?? 15_000);
      this.timer = setTimeout(() => this.stream(onSnapshot, onError, attempt + 1), delay);
    };
    void this.readStream(onSnapshot, () => {
      attempt = 0;
    }).then(
      () => retry(new Error('the flag stream ended')),
      (error: unknown) => retry(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async readStream(onSnapshot: (snapshot: FlagSnapshot) => void, onConnected: () => void): Promise<void> {
    const response = await fetch(`${this.base()}/stream`, {
      headers: this.headers({ accept: 'text/event-stream' }),
      signal: this.abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`flag stream request failed with HTTP ${response.status}`);
    onConnected();
    for await (const { data } of readServerSentEvents(response.body)) {
      const snapshot = JSON.parse(data) as FlagSnapshot;
      this.accept(snapshot);
      onSnapshot(snapshot);
    }
  }
}
