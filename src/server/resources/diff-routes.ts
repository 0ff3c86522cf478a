import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { PairChecker } from '../../decide/pair-checker.ts';
import { StepwiseError } from '../../model/errors.ts';
import { versionKey } from '../../model/snapshot.ts';
import { loadPublishedVersions } from '../../store/read-models/environment-snapshot.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { ServiceName, VersionName } from '../schemas/names.ts';
import { diffVersions } from './version-diff.ts';

const LocationSchema = Type.Object({
  pointer: Type.String(),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Number()),
  column: Type.Optional(Type.Number()),
});

const FindingSchema = Type.Object({
  rule: Type.String(),
  severity: Type.String(),
  direction: Type.String(),
  subject: Type.String(),
  message: Type.String(),
  fingerprint: Type.String(),
  before: Type.Optional(LocationSchema),
  after: Type.Optional(LocationSchema),
  also: Type.Optional(Type.Array(LocationSchema)),
  example: Type.Optional(Type.Unknown()),
});

const DiffSchema = Type.Object({
  service: Type.String(),
  from: Type.String(),
  to: Type.String(),
  breaking: Type.Boolean(),
  interfaces: Type.Array(
    Type.Object({
      role: Type.Union([Type.Literal('provides'), Type.Literal('consumes')]),
      interface: Type.String(),
      kind: Type.String(),
      change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed'), Type.Literal('unchanged')]),
      findings: Type.Array(FindingSchema),
      error: Type.Optional(Type.String()),
    }),
  ),
});

/** The contract engine's findings between two published versions of a service. */
export const diffRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const checker = new PairChecker();
  app.get(
    '/services/:service/diff',
    {
      schema: {
        tags: ['registry'],
        summary: 'What changed between two versions of a service, interface by interface',
        params: Type.Object({ service: ServiceName }),
        querystring: Type.Object({ from: VersionName, to: VersionName }),
        response: { 200: DiffSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const { service } = request.params;
      const { from, to } = request.query;
      const catalog = await loadPublishedVersions(app.store.db, { versions: [{ service, version: from }, { service, version: to }] });
      const before = catalog.get(versionKey(service, from));
      const after = catalog.get(versionKey(service, to));
      if (!before) throw new StepwiseError('NOT_FOUND', `${service}@${from} is not published`, { pointer: '/from' });
      if (!after) throw new StepwiseError('NOT_FOUND', `${service}@${to} is not published`, { pointer: '/to' });
      const interfaces = diffVersions(before, after, checker).map((entry) => ({
        ...entry,
        findings: entry.findings.map((finding) => ({
          rule: finding.rule,
          severity: finding.severity,
          direction: finding.direction,
          subject: finding.subject,
          message: finding.message,
          fingerprint: finding.fingerprint,
          ...(finding.before ? { before: { ...finding.before } } : {}),
          ...(finding.after ? { after: { ...finding.after } } : {}),
          ...(finding.also ? { also: finding.also.map((location) => ({ ...location })) } : {}),
          ...(finding.example === undefined ? {} : { example: finding.example }),
        })),
      }));
      const breaking = interfaces.some((entry) => entry.change === 'removed' && entry.role === 'provides') || interfaces.some((entry) => entry.findings.some((f) => f.severity === 'breaking'));
      return { service, from, to, breaking, interfaces };
    },
  );
};
