import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { toUnleashFeature } from '../../flags/unleash/to-unleash-feature.ts';
import { loadFlagSnapshot } from '../../store/flags/load-flag-snapshot.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { isNotModified } from '../conditional-get.ts';

const Params = Type.Object({ environment: EnvironmentName });

/**
 * Unleash's client API for one environment, so services already on an Unleash SDK can read Stepwise
 * flags unchanged: point the SDK's `url` at `/v1/environments/<env>/unleash/` and send the token as
 * `customHeaders: { Authorization: 'Bearer <token>' }`. Features are served with ETags (SDKs poll
 * with If-None-Match); registration and metrics are accepted and dropped.
 */
export function unleashClientRoutes(app: FastifyInstance): void {
  app.get<{ Params: { environment: string } }>(
    '/environments/:environment/unleash/client/features',
    {
      schema: {
        tags: ['flags'],
        summary: "The environment's flags in Unleash's client API format (for Unleash SDKs); ETag and If-None-Match as the native snapshot",
        params: Params,
        response: {
          200: Type.Object({ version: Type.Literal(2), features: Type.Array(Type.Unknown()), segments: Type.Array(Type.Unknown()) }),
          304: Type.Null(),
          ...COMMON_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const snapshot = await loadFlagSnapshot(app.store.db, request.params.environment);
      if (isNotModified(request, reply, `"${snapshot.revision}"`)) return reply.status(304).send(null);
      return { version: 2 as const, features: snapshot.flags.map((flag) => toUnleashFeature(flag, snapshot.live)), segments: [] };
    },
  );

  for (const path of ['register', 'metrics']) {
    app.post<{ Params: { environment: string } }>(
      `/environments/:environment/unleash/client/${path}`,
      {
        schema: {
          tags: ['flags'],
          summary: `Accepts an Unleash SDK's ${path} call and drops it`,
          params: Params,
          response: { 202: Type.Null(), ...COMMON_ERRORS },
        },
      },
      async (_request, reply) => reply.status(202).send(null),
    );
  }
}
