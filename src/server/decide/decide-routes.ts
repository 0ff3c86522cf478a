import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { recordDeployment } from '../../store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../store/environment-lock.ts';
import { LiveVersionSchema } from '../schemas/version-schemas.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { DecisionService } from './decision-service.ts';
import { CandidateFields, VerdictSchema } from './verdict-schemas.ts';

/**
 * can-i-deploy, and deploy-with-check: the same decision, the second one taken and recorded under
 * the environment's lock so two deployments that are each safe alone cannot race into an unsafe pair.
 */
export const decideRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const service = new DecisionService();

  app.post(
    '/can-i-deploy',
    {
      schema: {
        tags: ['decisions'],
        summary: 'Can this version go to this environment now, on its own?',
        description: 'Answers yes, no or unknown with reasons: links with every live version, the rollout window and data at rest.',
        body: Type.Object({ ...CandidateFields, environment: EnvironmentName }, { additionalProperties: false }),
        response: { 200: VerdictSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const { environment, service: name, version, target, ignores } = request.body;
      const candidate = { service: name, version, ...(target ? { target } : {}) };
      const decision = { environment, candidate, ...(ignores ? { ignores } : {}), actor: actorOf(request) };
      const result = ignores?.length
        ? await withEnvironmentLock(app.store.db, environment, (trx) => service.decideIn(trx, decision, new Date()))
        : await service.decideIn(app.store.db, decision, new Date());
      await service.flush(app.store.db);
      return result;
    },
  );

  app.post(
    '/environments/:environment/checked-deployments',
    {
      config: { scope: 'deploy', service: (request) => (request.body as { service?: string } | undefined)?.service },
      schema: {
        tags: ['decisions', 'deployments'],
        summary: 'Check and record a deployment atomically',
        description: 'Decides under the environment lock and records the deployment only when the answer is yes.',
        params: Type.Object({ environment: EnvironmentName }),
        body: Type.Object(
          { ...CandidateFields, kind: Type.Optional(Type.Union([Type.Literal('deployed'), Type.Literal('released')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ deployed: Type.Literal(false), decision: VerdictSchema }),
          201: Type.Object({
            deployed: Type.Literal(true),
            decision: VerdictSchema,
            deployment: Type.Object({ id: Type.Integer(), at: Type.String(), live: Type.Array(LiveVersionSchema) }),
          }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { environment } = request.params;
      const { service: name, version, target, ignores, kind } = request.body;
      const actor = actorOf(request);
      const mode = kind ?? 'deployed';
      const outcome = await withEnvironmentLock(app.store.db, environment, async (trx) => {
        const at = new Date();
        const decision = await service.decideIn(
          trx,
          { environment, candidate: { service: name, version, mode, ...(target ? { target } : {}) }, ...(ignores ? { ignores } : {}), actor },
          at,
        );
        if (decision.verdict !== 'yes') return { deployed: false as const, decision };
        const deployment = await recordDeployment(trx, {
          environment,
          service: name,
          version,
          kind: mode,
          actor,
          at: at.toISOString(),
          ...(target ? { target } : {}),
          data: { checked: true, reasons: decision.reasons.map((reason) => reason.code) },
        });
        return { deployed: true as const, decision, deployment };
      });
      await service.flush(app.store.db);
      return reply.status(outcome.deployed ? 201 : 200).send(outcome);
    },
  );
};
