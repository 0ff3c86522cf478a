import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { StepwiseError } from '../../model/errors.ts';
import { findService, listServices } from '../../store/registry/services.ts';
import { listVersions } from '../../store/read-models/version-details.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { ServiceName } from '../schemas/names.ts';
import { VersionSummarySchema } from '../schemas/version-schemas.ts';

const ServiceSchema = Type.Object({
  name: Type.String(),
  owner: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** Services: created by their first publish, listed here. */
export const serviceRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/services',
    { schema: { tags: ['registry'], summary: 'List services', response: { 200: Type.Object({ services: Type.Array(ServiceSchema) }), ...COMMON_ERRORS } } },
    async () => ({ services: await listServices(app.store.db) }),
  );

  app.get(
    '/services/:service',
    {
      schema: {
        tags: ['registry'],
        summary: 'A service and its latest versions',
        params: Type.Object({ service: ServiceName }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
        response: { 200: Type.Object({ service: ServiceSchema, versions: Type.Array(VersionSummarySchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const service = await findService(app.store.db, request.params.service);
      if (!service) throw new StepwiseError('NOT_FOUND', `service "${request.params.service}" does not exist`, { pointer: '/service' });
      return { service, versions: await listVersions(app.store.db, service.name, request.query.limit ?? 100) };
    },
  );
};

