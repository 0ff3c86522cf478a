import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import type { StoredPlan } from '../../store/plans/stored-plan.ts';
import { listPlans, loadPlan } from '../../store/plans/load-plans.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { CreatePlanBody, StoredPlanSchema } from './plan-schemas.ts';
import { PlanService } from './plan-service.ts';

/**
 * Plans: the technical schedule for a multi-service change, computed from the registry's state and
 * stored so it can be executed and tracked. Creating one needs the `publish` scope (it writes), reading `read`.
 */
export const planRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const service = new PlanService();

  app.post(
    '/plans',
    {
      config: { scope: 'publish' },
      schema: {
        tags: ['plans'],
        summary: 'Plan a multi-service change',
        description:
          'Orders the targets into single-service steps (deploys, flag flips), each safe in its rollout window with the verdict that makes it so and whether it can be undone; where no order exists, names the lock-step groups, what binds them and the expand/contract versions that would break them. 201 with the stored plan; `outcome` is `blocked` when lock-step stands in the way.',
        body: CreatePlanBody,
        response: { 201: StoredPlanSchema, ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const stored = await service.create(app.store.db, { ...request.body, actor: actorOf(request) }, new Date());
      return reply.status(201).send(asResponse(stored));
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A stored plan with the progress of each step',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: StoredPlanSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => asResponse(await loadPlan(app.store.db, request.params.id)),
  );

  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Stored plans, newest first',
        querystring: Type.Object({ environment: Type.Optional(EnvironmentName), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ plans: Type.Array(StoredPlanSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => ({ plans: (await listPlans(app.store.db, request.query)).map(asResponse) }),
  );
};

/** The stored plan is the response; the domain types differ only in being read-only. */
function asResponse(stored: StoredPlan): Static<typeof StoredPlanSchema> {
  // Read-only arrays (and the wider location type of findings) are the only difference.
  return stored as unknown as Static<typeof StoredPlanSchema>;
}
