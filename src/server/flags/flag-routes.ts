import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { FlagSet } from '../../flags/evaluate/flag-set.ts';
import type { EvaluationContext } from '../../flags/evaluate/flag-definition.ts';
import type { FlagChange } from '../../flags/change/flag-change.ts';
import { changeFlag } from '../../store/flags/change-flag.ts';
import { createFlag } from '../../store/flags/create-flag.ts';
import { getFlag, listFlags } from '../../store/flags/list-flags.ts';
import { listFlagEvents } from '../../store/flags/list-flag-events.ts';
import { loadFlagSnapshot } from '../../store/flags/load-flag-snapshot.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS, ErrorResponseSchema } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import {
  EvaluationContextSchema,
  FlagChangeSchema,
  FlagEventSchema,
  FlagEvaluationSchema,
  FlagName,
  FlagSnapshotSchema,
  StoredFlagSchema,
} from './flag-schemas.ts';
import { FlagStreamHub } from './flag-stream-hub.ts';
import { flagStreamRoute } from './flag-stream-route.ts';
import { unleashClientRoutes } from './unleash-client-routes.ts';
import { isNotModified } from '../conditional-get.ts';

const Reason = Type.String({ minLength: 1, maxLength: 2000, description: 'Why: kept in the flag history and the audit log.' });
const EnvAndFlag = Type.Object({ environment: EnvironmentName, name: FlagName });

/** Feature flags per environment: definitions, changes with who and why, evaluation, and SDK feeds. */
export const flagRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const hub = new FlagStreamHub(app.store.db, Number(process.env.STEPWISE_FLAG_POLL_MS ?? 1000));
  app.addHook('onClose', async () => hub.close());

  app.get(
    '/flags',
    {
      schema: {
        tags: ['flags'],
        summary: 'List flags, per environment, with who changed each last and why',
        querystring: Type.Object({ environment: Type.Optional(EnvironmentName), name: Type.Optional(FlagName) }),
        response: { 200: Type.Object({ flags: Type.Array(StoredFlagSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => wire({ flags: await listFlags(app.store.db, request.query) }),
  );

  app.post(
    '/flags',
    {
      config: { scope: 'deploy' },
      schema: {
        tags: ['flags'],
        summary: 'Create a flag, switched off, in every environment (or the ones named)',
        body: Type.Object(
          {
            name: FlagName,
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            environments: Type.Optional(Type.Array(EnvironmentName)),
            reason: Type.Optional(Reason),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ flags: Type.Array(StoredFlagSchema) }), ...COMMON_ERRORS, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const flags = await createFlag(app.store.db, { ...request.body, actor: actorOf(request) });
      for (const flag of flags) void hub.notify(flag.environment);
      return reply.status(201).send(wire({ flags }));
    },
  );

  app.get(
    '/environments/:environment/flags/:name',
    { schema: { tags: ['flags'], summary: 'One flag in one environment', params: EnvAndFlag, response: { 200: StoredFlagSchema, ...COMMON_ERRORS } } },
    async (request) => wire(await getFlag(app.store.db, request.params.name, request.params.environment)),
  );

  app.get(
    '/environments/:environment/flags/:name/events',
    {
      schema: {
        tags: ['flags'],
        summary: "A flag's history in one environment, newest first: who changed what and why",
        params: EnvAndFlag,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
        response: { 200: Type.Object({ events: Type.Array(FlagEventSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => {
      await getFlag(app.store.db, request.params.name, request.params.environment);
      return wire({ events: await listFlagEvents(app.store.db, request.params.name, request.params.environment, request.query.limit) });
    },
  );

  app.post(
    '/environments/:environment/flags/:name/changes',
    {
      config: { scope: 'deploy' },
      schema: {
        tags: ['flags'],
        summary: 'Change a flag: enable, disable, kill, revive, roll out to a percentage, or update its rules',
        params: EnvAndFlag,
        body: Type.Object({ change: FlagChangeSchema, reason: Reason }, { additionalProperties: false }),
        response: { 200: Type.Object({ flag: StoredFlagSchema, changed: Type.Boolean() }), ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const { environment, name } = request.params;
      const result = await changeFlag(app.store.db, {
        name,
        environment,
        change: request.body.change as FlagChange,
        reason: request.body.reason,
        actor: actorOf(request),
      });
      if (result.changed) await hub.notify(environment);
      return wire(result);
    },
  );

  app.post(
    '/environments/:environment/flags/:name/evaluate',
    {
      schema: {
        tags: ['flags'],
        summary: 'Evaluate one flag for one context; an unknown flag answers off with reason ERROR and errorCode FLAG_NOT_FOUND',
        params: EnvAndFlag,
        body: Type.Object({ context: EvaluationContextSchema }, { additionalProperties: false }),
        response: { 200: FlagEvaluationSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const flags = new FlagSet(await loadFlagSnapshot(app.store.db, request.params.environment));
      return flags.evaluate(request.params.name, request.body.context as EvaluationContext, new Date().toISOString());
    },
  );

  app.post(
    '/environments/:environment/flags/evaluate',
    {
      schema: {
        tags: ['flags'],
        summary: 'Evaluate many flags (default: all) for many contexts; one result list per context, in order',
        params: Type.Object({ environment: EnvironmentName }),
        body: Type.Object(
          {
            contexts: Type.Array(EvaluationContextSchema, { minItems: 1, maxItems: 10_000 }),
            flags: Type.Optional(Type.Array(FlagName, { minItems: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ revision: Type.String(), results: Type.Array(Type.Array(FlagEvaluationSchema)) }), ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const snapshot = await loadFlagSnapshot(app.store.db, request.params.environment);
      const flags = new FlagSet(snapshot);
      const at = new Date().toISOString();
      const names = request.body.flags;
      const results = request.body.contexts.map((context) =>
        names ? names.map((name) => flags.evaluate(name, context as EvaluationContext, at)) : flags.evaluateAll(context as EvaluationContext, at),
      );
      return { revision: snapshot.revision, results };
    },
  );

  app.get(
    '/environments/:environment/flags/snapshot',
    {
      schema: {
        tags: ['flags'],
        summary: 'Every flag of the environment for local evaluation by SDKs; send If-None-Match with the last ETag to get 304 when nothing changed',
        params: Type.Object({ environment: EnvironmentName }),
        response: { 200: FlagSnapshotSchema, 304: Type.Null(), ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const snapshot = await loadFlagSnapshot(app.store.db, request.params.environment);
      if (isNotModified(request, reply, `"${snapshot.revision}"`)) return reply.status(304).send(null);
      return wire(snapshot);
    },
  );

  flagStreamRoute(app, hub);
  unleashClientRoutes(app);
};

/**
 * The store hands out readonly arrays; the schema-derived response types want mutable ones. The
 * shapes are otherwise the same (the response schema still filters and checks them at run time).
 */
function wire(value: unknown): never {
  return value as never;
}
