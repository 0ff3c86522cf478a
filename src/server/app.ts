import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/open-store.ts';
import authPlugin from './auth/auth-plugin.ts';
import { errorHandler } from './error-handler.ts';
import { ROUTES } from './routes.ts';
import { dashboardPlugin } from './web/dashboard-plugin.ts';
import { ErrorResponseSchema } from './schemas/error-schema.ts';
import { Type } from 'typebox';
import { sql } from 'kysely';
import { StepwiseError } from '../model/errors.ts';

export interface AppOptions {
  readonly store: Store;
  /** Let requests without a token read. */
  readonly openReads?: boolean;
  /** Largest request body in bytes (default 10 MiB: big contract sets are a few MB). */
  readonly bodyLimit?: number;
  readonly logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** Builds the control plane's HTTP app without listening, so tests and the server share it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Unknown fields are an error the caller should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  app.decorate('store', options.store);
  // How long the server itself took, so clients and benchmarks can tell it from network and queueing time.
  const started = new WeakMap<object, number>();
  app.addHook('onRequest', async (request) => {
    started.set(request, performance.now());
  });
  app.addHook('onSend', async (request, reply) => {
    const since = started.get(request);
    if (since !== undefined) void reply.header('server-timing', `app;dur=${(performance.now() - since).toFixed(2)}`);
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(async (request, reply) => {
    await reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Stepwise', version: '0.1.0', description: 'The Stepwise control plane: registry, deployments, decisions, plans, rollouts and flags.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(authPlugin, { openReads: options.openReads ?? false });

  app.get(
    '/healthz',
    { config: { public: true }, schema: { hide: false, security: [], response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }), 503: ErrorResponseSchema } } },
    async () => {
      try {
        await sql`select 1`.execute(options.store.db);
      } catch (error) {
        throw new StepwiseError('UNAVAILABLE', `the database does not answer: ${(error as Error).message}`);
      }
      return { status: 'ok' as const, database: options.store.dialect };
    },
  );
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const plugin of ROUTES) await app.register(plugin, { prefix: '/v1' });
  await app.register(dashboardPlugin);
  await app.ready();
  return app;
}
