import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the dashboard (see web/vite.config.ts). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the dashboard's static files at `/`. They are public: they hold no data, and the
 * dashboard asks for a token before it calls the API. Without a build, `/` says how to make one.
 */
export async function dashboardPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
    route.schema = { ...(route.schema ?? {}), hide: true };
  });
  if (!existsSync(`${DASHBOARD_DIR}/index.html`)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The dashboard is not built: run `npm run build:web` (npm ci does it), then reload.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: DASHBOARD_DIR, prefix: '/', index: ['index.html'], maxAge: '1h', immutable: false });
}
