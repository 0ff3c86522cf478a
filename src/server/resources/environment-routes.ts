import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { StepwiseError } from '../../model/errors.ts';
import { loadEnvironmentSnapshot } from '../../store/read-models/environment-snapshot.ts';
import { createEnvironment, listEnvironments } from '../../store/registry/environments.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS, ErrorResponseSchema } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { LiveVersionSchema } from '../schemas/version-schemas.ts';

const EnvironmentSchema = Type.Object({
  name: Type.String(),
  position: Type.Integer({ description: 'Place in the promotion order (dev before staging before production).' }),
  description: Type.Optional(Type.String()),
  createdAt: Type.String(),
});

const SnapshotSchema = Type.Object({
  environment: Type.String(),
  at: Type.String(),
  live: Type.Array(LiveVersionSchema),
  history: Type.Array(Type.Object({ service: Type.String(), version: Type.String(), from: Type.String(), to: Type.Optional(Type.String()) })),
  flags: Type.Record(Type.String(), Type.Boolean()),
});

/** Environments, in promotion order, and what ran in one at a time. */
export const environmentRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/environments',
    { schema: { tags: ['environments'], summary: 'List environments in promotion order', response: { 200: Type.Object({ environments: Type.Array(EnvironmentSchema) }), ...COMMON_ERRORS } } },
    async () => ({ environments: await listEnvironments(app.store.db) }),
  );

  app.post(
    '/environments',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['environments'],
        summary: 'Create an environment',
        body: Type.Object(
          {
            name: EnvironmentName,
            position: Type.Optional(Type.Integer({ description: 'Defaults to after the last environment.' })),
            description: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: EnvironmentSchema, ...COMMON_ERRORS, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const environment = await createEnvironment(app.store.db, { ...request.body, actor: actorOf(request) });
      return reply.status(201).send(environment);
    },
  );

  app.get(
    '/environments/:environment/snapshot',
    {
      schema: {
        tags: ['environments'],
        summary: 'What was live in the environment at a time (default now), and the history before it',
        params: Type.Object({ environment: EnvironmentName }),
        querystring: Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: { 200: SnapshotSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const at = request.query.at === undefined ? new Date() : new Date(request.query.at);
      if (Number.isNaN(at.getTime())) throw new StepwiseError('BAD_INPUT', `"${request.query.at}" is not a timestamp`, { pointer: '/querystring/at' });
      const snapshot = await loadEnvironmentSnapshot(app.store.db, request.params.environment, at);
      return { ...snapshot, live: [...snapshot.live], history: [...snapshot.history] };
    },
  );
};
