import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';

const WhoAmISchema = Type.Object({
  name: Type.String({ description: 'The actor written to the audit log for this token.' }),
  scope: Type.Union([Type.Literal('read'), Type.Literal('publish'), Type.Literal('deploy'), Type.Literal('admin')]),
  services: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'Services the token is bound to; null for all.' }),
});

/** What the caller's token allows: clients (the dashboard) use it to offer only what will work. */
export const whoamiRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/whoami',
    { schema: { tags: ['tokens'], summary: 'The scope and services of the calling token', response: { 200: WhoAmISchema, ...COMMON_ERRORS } } },
    async (request) => {
      const principal = request.principal ?? { actor: 'anonymous', scope: 'read' as const };
      return { name: principal.actor, scope: principal.scope, services: principal.services ? [...principal.services] : null };
    },
  );
};
