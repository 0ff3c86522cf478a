import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { StepwiseError } from '../../model/errors.ts';
import { ringRolloutBell, rolloutCap } from '../../rollout/runner/rollout-bell.ts';
import { getRollout, listRolloutEvents, listRollouts, requestRollout } from '../../rollout/runner/rollout-store.ts';
import { toRolloutView } from '../../rollout/runner/rollout-view.ts';
import { startRollout } from '../../rollout/runner/start-rollout.ts';
import { applyPlan, openPlanApply } from '../../rollout/runner/apply-plan.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName, ServiceName, VersionName } from '../schemas/names.ts';
import { RolloutSchema } from './rollout-schemas.ts';
import { streamRollout } from './stream-rollout.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Rollouts: start (gated by can-i-deploy), list, show, promote, abort, and a live event stream. */
export const rolloutRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const serviceOf = async (id: number) => (await getRollout(app.store.db, id)).service;

  app.post(
    '/environments/:environment/rollouts',
    {
      config: { scope: 'deploy', service: (request) => (request.body as { service?: string } | undefined)?.service },
      schema: {
        tags: ['rollouts'],
        summary: 'Start a rollout of a published version (refused unless can-i-deploy says yes)',
        params: Type.Object({ environment: EnvironmentName }),
        body: Type.Object(
          { service: ServiceName, version: VersionName, allowUnknown: Type.Optional(Type.Boolean({ description: 'Start when can-i-deploy cannot tell.' })) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ rollout: RolloutSchema, verdict: Type.String(), ahead: Type.Integer({ description: 'Rollouts ahead in the queue.' }) }),
          ...COMMON_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { environment } = request.params;
      const started = await startRollout(app.store.db, {
        environment,
        service: request.body.service,
        version: request.body.version,
        actor: actorOf(request),
        at: new Date(),
        baseDir: process.cwd(),
        maxConcurrent: rolloutCap(process.env),
        ...(request.body.allowUnknown ? { allowUnknown: true } : {}),
      });
      ringRolloutBell(environment);
      return reply.status(201).send({ rollout: toRolloutView(started.rollout) as never, verdict: started.verdict.verdict, ahead: started.ahead });
    },
  );

  app.get(
    '/rollouts',
    {
      schema: {
        tags: ['rollouts'],
        summary: 'Rollouts, newest first',
        querystring: Type.Object({
          environment: Type.Optional(EnvironmentName),
          service: Type.Optional(ServiceName),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ rollouts: Type.Array(RolloutSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const rollouts = await listRollouts(app.store.db, {
        ...(request.query.environment ? { environment: request.query.environment } : {}),
        ...(request.query.service ? { service: request.query.service } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      });
      return { rollouts: rollouts.map((rollout) => toRolloutView(rollout)) as never };
    },
  );

  app.get(
    '/rollouts/:id',
    { schema: { tags: ['rollouts'], summary: 'One rollout with its transitions', params: IdParams, response: { 200: RolloutSchema, ...COMMON_ERRORS } } },
    async (request) => {
      const rollout = await getRollout(app.store.db, request.params.id);
      return toRolloutView(rollout, await listRolloutEvents(app.store.db, rollout.id)) as never;
    },
  );

  for (const action of ['promote', 'abort'] as const) {
    app.post(
      `/rollouts/:id/${action}`,
      {
        config: { scope: 'deploy' },
        schema: {
          tags: ['rollouts'],
          summary: action === 'promote' ? 'Go past the current step or pause (full: skip every remaining step)' : 'Roll back to the stable version',
          params: IdParams,
          body: Type.Optional(
            Type.Object({ full: Type.Optional(Type.Boolean()), reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
          ),
          response: { 200: RolloutSchema, ...COMMON_ERRORS },
        },
      },
      async (request) => {
        const { id } = request.params;
        const service = await serviceOf(id);
        const principal = request.principal;
        if (principal?.services && !principal.services.includes(service)) {
          throw new StepwiseError('FORBIDDEN', `this token is not bound to service ${service}`);
        }
        const actor = actorOf(request);
        const rollout = await requestRollout(
          app.store.db,
          id,
          action === 'promote' ? { kind: 'promote', full: request.body?.full === true } : { kind: 'abort', message: request.body?.reason ?? `aborted by ${actor}` },
          actor,
          new Date().toISOString(),
        );
        ringRolloutBell(rollout.environment);
        return toRolloutView(rollout) as never;
      },
    );
  }

  const applying = new Set<number>();
  app.post(
    '/plans/:id/apply',
    {
      config: { scope: 'deploy' },
      schema: {
        tags: ['rollouts'],
        summary: 'Execute a stored plan step by step: each deploy a rollout, each flag step a flag change. Follow it with GET /v1/plans/{id}.',
        description:
          'Stops at the first failed step, or at a step whose version is not published yet (status `waiting`, with a message naming the version to publish). Applying the plan again resumes at the first step not done; done steps are never repeated.',
        params: IdParams,
        response: { 202: Type.Object({ plan: Type.Integer(), started: Type.Boolean() }), ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (applying.has(id)) throw new StepwiseError('CONFLICT', `plan #${id} is already being applied`, { pointer: '/id' });
      applying.add(id);
      try {
        // before answering, so the first read of the plan shows this execution, not the last one's failure
        await openPlanApply(app.store.db, id);
      } catch (error) {
        applying.delete(id);
        throw error;
      }
      // runs in the background; progress is stored per step, so a restart only needs another apply
      void applyPlan(app.store.db, id, { actor: actorOf(request), baseDir: process.cwd(), maxConcurrent: rolloutCap(process.env) })
        .catch((error: unknown) => request.log.error(error))
        .finally(() => applying.delete(id));
      return reply.status(202).send({ plan: id, started: true });
    },
  );

  app.get(
    '/rollouts/:id/events',
    {
      schema: {
        tags: ['rollouts'],
        summary: 'Server-sent events: `rollout` with the whole rollout on every change, `transition` for each new event; ends when it finishes',
        params: IdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      await getRollout(app.store.db, request.params.id);
      await streamRollout(app.store.db, request.params.id, request, reply);
    },
  );
};
