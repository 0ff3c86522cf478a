import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ContractSourceSchema } from '../../manifest/publication.ts';
import { StepwiseError } from '../../model/errors.ts';
import { loadContracts } from '../../store/read-models/load-contracts.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';

/** Contracts by content hash: immutable, so clients may cache them forever. */
export const contractRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/contracts/:hash',
    {
      schema: {
        tags: ['registry'],
        summary: 'A contract document set by its hash',
        params: Type.Object({ hash: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }),
        response: { 200: ContractSourceSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const source = (await loadContracts(app.store.db, [request.params.hash])).get(request.params.hash);
      if (!source) throw new StepwiseError('NOT_FOUND', `no contract ${request.params.hash}`, { pointer: '/hash' });
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
      return source;
    },
  );
};
