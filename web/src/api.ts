import { readServerSentEvents } from '../../src/http/server-sent-events.ts';
/** The dashboard talks to the same OpenAPI-described API as the CLI; nothing private. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'stepwise.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? response.statusText);
  }
  return data as T;
}

/** Follows a server-sent-events stream with the signed-in token. */
export function subscribe(path: string, onMessage: (event: string, data: unknown) => void): () => void {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  void (async () => {
    try {
      const response = await fetch(path, { headers, signal: controller.signal });
      if (!response.ok || !response.body) return;
      for await (const { event, data } of readServerSentEvents(response.body)) onMessage(event, JSON.parse(data));
    } catch {
      // aborted or the server went away: the view shows the last state it had
    }
  })();
  return () => controller.abort();
}
