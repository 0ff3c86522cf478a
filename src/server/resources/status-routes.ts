import { gzipSync } from 'node:zlib';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { loadChangeStamp } from '../../store/read-models/change-stamp.ts';
import { loadStatusMatrix } from '../../store/read-models/status-matrix.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { LiveVersionSchema } from '../schemas/version-schemas.ts';
import { isNotModified } from '../conditional-get.ts';

const StatusSchema = Type.Object({
  environments: Type.Array(Type.String(), { description: 'In promotion order.' }),
  services: Type.Array(
    Type.Object({
      service: Type.String(),
      owner: Type.Optional(Type.String()),
      live: Type.Record(Type.String(), Type.Array(LiveVersionSchema), { description: 'Environment -> live versions.' }),
    }),
  ),
});

/**
 * The services x environments matrix of what runs where now. With thousands of services the
 * matrix is the largest read, and it changes only when something is recorded: the rendered body is
 * kept per environment filter and reused while the store's change stamp stays the same (also
 * served as an ETag, so pollers get a 304).
 */
export const statusRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const rendered = new Map<string, { stamp: string; body: string; gzipped?: Buffer }>();

  app.get(
    '/status',
    {
      schema: {
        tags: ['deployments'],
        summary: 'Live versions of every service in every (or one) environment',
        querystring: Type.Object({ env: Type.Optional(EnvironmentName) }),
        response: { 200: StatusSchema, 304: Type.Null({ description: 'Not modified since the ETag sent.' }), ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const key = request.query.env ?? '';
      const stamp = await loadChangeStamp(app.store.db);
      if (isNotModified(request, reply, `"status-${stamp}"`)) return reply.status(304).send(null);
      let cached = rendered.get(key);
      if (cached?.stamp !== stamp) {
        // The stamp is read before the matrix: a change landing in between only makes the next request render again.
        cached = { stamp, body: JSON.stringify(await loadStatusMatrix(app.store.db, request.query.env)) };
        if (rendered.size > 100) rendered.clear();
        rendered.set(key, cached);
      }
      void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      // Thousands of services make a body of hundreds of KB that compresses several-fold: compress it once per
      // change, at the fastest level, since the first reader after a change waits for it.
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        cached.gzipped ??= gzipSync(cached.body, { level: 1 });
        // The bytes are the StatusSchema body rendered above, compressed; the type provider cannot see that.
        return reply.header('content-encoding', 'gzip').send(cached.gzipped as never);
      }
      // A string goes out as it is: it is the StatusSchema body rendered above, which the type provider cannot see.
      return reply.send(cached.body as never);
    },
  );
};
