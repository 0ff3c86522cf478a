import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { listAuditEvents } from '../../store/audit/list-audit-events.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  subject: Type.String(),
  data: Type.Optional(Type.Unknown()),
  previous: Type.Optional(Type.Unknown()),
});

/** The audit log: every mutation, who made it and when. */
export const auditRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first',
        querystring: Type.Object({
          subject: Type.Optional(Type.String({ description: 'e.g. `service:writer@1.4.0`, `environment:production`.' })),
          action: Type.Optional(Type.String()),
          actor: Type.Optional(Type.String()),
          before: Type.Optional(Type.Integer()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: Type.Object({ events: Type.Array(AuditEventSchema) }), ...COMMON_ERRORS },
      },
    },
    async (request) => ({ events: await listAuditEvents(app.store.db, request.query) }),
  );
};
