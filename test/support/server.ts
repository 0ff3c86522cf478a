import { randomBytes } from 'node:crypto';
import { startServer } from '../../src/server/start-server.ts';
import { freshStoreOptions, type StoreKind } from './databases.ts';

export interface TestServer {
  readonly url: string;
  readonly adminToken: string;
  /** Calls the API with the admin token (or `token`, or none when `token` is null). */
  request(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly store?: StoreKind;
  readonly openReads?: boolean;
  readonly bodyLimit?: number;
}

/** The real server on a random loopback port over a fresh database; `close()` stops it and drops the database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { options: storeOptions, cleanup } = await freshStoreOptions(options.store ?? 'sqlite');
  const adminToken = `stw_test_${randomBytes(12).toString('hex')}`;
  const server = await startServer({
    store: storeOptions,
    host: '127.0.0.1',
    port: 0,
    adminToken,
    ...(options.openReads === undefined ? {} : { openReads: options.openReads }),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
  }).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  return {
    url: server.url,
    adminToken,
    async request(method, path, body, token) {
      const headers: Record<string, string> = {};
      const bearer = token === undefined ? adminToken : token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
      const text = await response.text();
      // `any`: tests read whichever response shape the route under test returns.
      let parsed: any = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed };
    },
    async close() {
      await server.close();
      await cleanup();
    },
  };
}
