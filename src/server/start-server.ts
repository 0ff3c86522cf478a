import type { FastifyInstance } from 'fastify';
import { openStore, type Store, type StoreOptions } from '../store/open-store.ts';
import { ensureAdminToken } from '../store/tokens/token-store.ts';
import { buildApp } from './app.ts';

export interface ServerOptions {
  readonly store: StoreOptions;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly openReads?: boolean;
  readonly bodyLimit?: number;
  /** The operator's admin secret (STEPWISE_ADMIN_TOKEN); without it one is made on first start. */
  readonly adminToken?: string;
  readonly logger?: boolean;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  /** The admin secret created on this start, to print once; undefined when one existed or was given. */
  readonly createdAdminToken?: string;
  close(): Promise<void>;
}

/** Opens the store (migrating it), makes sure an admin token exists, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore(options.store);
  try {
    const createdAdminToken = await ensureAdminToken(store.db, options.adminToken);
    const app = await buildApp({
      store,
      ...(options.openReads === undefined ? {} : { openReads: options.openReads }),
      ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    await app.listen({ host: options.host, port: options.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
      app,
      store,
      url: `http://${host}:${port}`,
      ...(createdAdminToken ? { createdAdminToken } : {}),
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
