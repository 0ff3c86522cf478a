import { ERROR_CODES, StepwiseError, type ErrorCode } from '../model/errors.ts';
import type { CliContext } from './command.ts';

export const DEFAULT_URL = 'http://127.0.0.1:4400';

export interface ClientOptions {
  /** Overrides STEPWISE_URL. */
  readonly url?: string;
  /** Overrides STEPWISE_TOKEN. */
  readonly token?: string;
}

export interface ApiClient {
  readonly url: string;
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

/**
 * The CLI's way to the server. Error responses come back as the StepwiseError the server threw,
 * so the CLI exits with the code the catalog gives it.
 */
export function apiClient(context: Pick<CliContext, 'env'>, options: ClientOptions = {}): ApiClient {
  const url = (options.url ?? context.env.STEPWISE_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  const token = options.token ?? context.env.STEPWISE_TOKEN;
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new StepwiseError('UNAVAILABLE', `cannot reach the Stepwise server at ${url} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw toError(response.status, parsed, text);
    return parsed as T;
  };
  return {
    url,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    delete: (path) => request('DELETE', path),
  };
}

function toError(status: number, body: unknown, text: string): StepwiseError {
  const error = (body as { error?: { code?: string; message?: string; where?: StepwiseError['where']; details?: Record<string, unknown> } } | undefined)?.error;
  if (error?.code && error.code in ERROR_CODES) {
    return new StepwiseError(error.code as ErrorCode, error.message ?? `HTTP ${status}`, error.where, error.details);
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'BAD_INPUT';
  return new StepwiseError(code, error?.message ?? `HTTP ${status}: ${text.slice(0, 200)}`);
}
