import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { listDeploymentEvents } from '../../store/deployments/list-deployment-events.ts';
import { recordDeployment } from '../../store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../store/environment-lock.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName, ServiceName, TargetName, VersionName } from '../schemas/names.ts';
import { LiveVersionSchema } from '../schemas/version-schemas.ts';

const DeploymentKindSchema = Type.Union([Type.Literal('deployed'), Type.Literal('released'), Type.Literal('undeployed')], {
  description: '`deployed` replaces what ran on the target; `released` accumulates; `undeployed` ends a version (on every target when none is given).',
});

const DeploymentEventSchema = Type.Object({
  id: Type.Integer(),
  environment: Type.String(),
  service: Type.String(),
  version: Type.String(),
  target: Type.String(),
  kind: Type.String(),
  actor: Type.String(),
  at: Type.String(),
  data: Type.Optional(Type.Unknown()),
});

/** Deployment records: the event log of an environment and the live versions it implies. */
export const deploymentRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/environments/:environment/deployments',
    {
      config: { scope: 'deploy', service: (request) => (request.body as { service?: string } | undefined)?.service },
      schema: {
        tags: ['deployments'],
        summary: 'Record a deployment, release or undeployment',
        params: Type.Object({ environment: EnvironmentName }),
        body: Type.Object(
          { service: ServiceName, version: VersionName, kind: DeploymentKindSchema, target: Type.Optional(TargetName) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.Integer(), at: Type.String(), live: Type.Array(LiveVersionSchema, { description: "The service's live versions after this event." }) }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { environment } = request.params;
      const recorded = await withEnvironmentLock(app.store.db, environment, (trx) =>
        recordDeployment(trx, { environment, ...request.body, actor: actorOf(request) }),
      );
      return reply.status(201).send(recorded);
    },
  );

  app.get(
    '/environments/:environment/deployments',
    {
      schema: {
        tags: ['deployments'],
        summary: 'Deployment events of an environment, newest first',
        params: Type.Object({ environment: EnvironmentName }),
        querystring: Type.Object({
          service: Type.Optional(ServiceName),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          before: Type.Optional(Type.Integer({ description: 'Only events with a smaller id (paging).' })),
        }),
        response: { 200: Type.Object({ events: Type.Array(DeploymentEventSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => ({ events: await listDeploymentEvents(app.store.db, request.params.environment, request.query) }),
  );
};
