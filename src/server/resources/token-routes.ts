import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { createToken, listTokens, revokeToken } from '../../store/tokens/token-store.ts';
import { actorOf } from '../auth/auth-plugin.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { ServiceName } from '../schemas/names.ts';

const ScopeSchema = Type.Union([Type.Literal('read'), Type.Literal('publish'), Type.Literal('deploy'), Type.Literal('admin')], {
  description: '`read < publish < deploy < admin`; each includes those before it.',
});

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scope: ScopeSchema,
  services: Type.Optional(Type.Array(Type.String(), { description: 'Services the token is bound to; absent means every service.' })),
  createdBy: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Optional(Type.String()),
});

/** API tokens: created and revoked by admins; secrets are shown once and stored hashed. */
export const tokenRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/tokens',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['tokens'],
        summary: 'Create a token (the secret is in this response only)',
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), scope: ScopeSchema, services: Type.Optional(Type.Array(ServiceName)) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: TokenSchema, secret: Type.String() }), ...COMMON_ERRORS },
      },
    },
    async (request, reply) => {
      const { scope, services } = request.body;
      const name = request.body.name ?? `${scope}${services?.length ? `:${services.join(',')}` : ''}`;
      const created = await createToken(app.store.db, { name, scope, ...(services ? { services } : {}), actor: actorOf(request) });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/tokens',
    { config: { scope: 'admin' }, schema: { tags: ['tokens'], summary: 'List tokens (never their secrets)', response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...COMMON_ERRORS } } },
    async () => ({ tokens: await listTokens(app.store.db) }),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { scope: 'admin' },
      schema: { tags: ['tokens'], summary: 'Revoke a token', params: Type.Object({ id: Type.String({ minLength: 1 }) }), response: { 200: TokenSchema, ...COMMON_ERRORS } },
    },
    async (request) => {
      const revoked = await revokeToken(app.store.db, request.params.id, actorOf(request));
      app.tokenCache.clear();
      return revoked;
    },
  );
};
