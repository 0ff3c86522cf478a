import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { normalisePublication } from '../../manifest/normalise-publication.ts';
import { PublicationSchema } from '../../manifest/publication.ts';
import { validatePublicationContracts } from '../../manifest/validate-publication-contracts.ts';
import { publishVersion } from '../../store/registry/publish-version.ts';
import { loadVersionDetails } from '../../store/read-models/version-details.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS, ErrorResponseSchema } from '../schemas/error-schema.ts';
import { ServiceName, VersionName } from '../schemas/names.ts';
import { PublishResultSchema, VersionDetailsSchema } from '../schemas/version-schemas.ts';

/** Publishing versions with their contracts, and reading one back. */
export const versionRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/services/:service/versions',
    {
      config: { scope: 'publish', service: (request) => (request.params as { service: string }).service },
      schema: {
        tags: ['registry'],
        summary: 'Publish a version with its contracts',
        description:
          'Stores the contracts by content hash and records the version, in one transaction. The same content again answers 200 `unchanged`; different content for a published version is a 409 naming what differs.',
        params: Type.Object({ service: ServiceName }),
        body: PublicationSchema,
        response: { 200: PublishResultSchema, 201: PublishResultSchema, ...COMMON_ERRORS, 409: ErrorResponseSchema, 413: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      validatePublicationContracts(request.body);
      const normalised = normalisePublication(request.body);
      const result = await publishVersion(app.store.db, {
        service: request.params.service,
        version: request.body.version,
        ...(request.body.branch === undefined ? {} : { branch: request.body.branch }),
        ...(request.body.commit === undefined ? {} : { commit: request.body.commit }),
        normalised,
        actor: actorOf(request),
      });
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.get(
    '/services/:service/versions/:version',
    {
      schema: {
        tags: ['registry'],
        summary: 'One version: its interfaces and contract hashes',
        params: Type.Object({ service: ServiceName, version: VersionName }),
        response: { 200: VersionDetailsSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => loadVersionDetails(app.store.db, request.params.service, request.params.version),
  );
};
