import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { PairChecker } from '../../decide/pair-checker.ts';
import { couplingReport } from '../../insights/coupling-report.ts';
import { StepwiseError } from '../../model/errors.ts';
import { loadEnvironmentSnapshot, loadPublishedVersions } from '../../store/read-models/environment-snapshot.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import { judgeLinks } from './dependency-graph-view.ts';

const GraphSchema = Type.Object({
  environment: Type.String(),
  at: Type.String(),
  services: Type.Array(Type.Object({ service: Type.String(), versions: Type.Array(Type.String()) })),
  links: Type.Array(
    Type.Object({
      consumer: Type.String(),
      provider: Type.String(),
      interface: Type.String(),
      sync: Type.Boolean(),
      required: Type.Boolean(),
      status: Type.Union([Type.Literal('compatible'), Type.Literal('breaking'), Type.Literal('unknown')]),
      problems: Type.Array(Type.String()),
    }),
  ),
  cycles: Type.Array(Type.Array(Type.String())),
  syncChains: Type.Array(Type.Array(Type.String()), { description: 'Synchronous call chains of three services or more.' }),
  sharedDatabases: Type.Array(Type.Object({ interface: Type.String(), services: Type.Array(Type.String()) })),
  unversionedContracts: Type.Array(Type.Object({ service: Type.String(), interface: Type.String() })),
  unprovided: Type.Array(Type.Object({ consumer: Type.String(), interface: Type.String() })),
});

/** The live dependency graph of an environment, coloured by compatibility, with its coupling hot spots. */
export const graphRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const checker = new PairChecker();
  app.get(
    '/environments/:environment/graph',
    {
      schema: {
        tags: ['insights'],
        summary: 'Services live in the environment, the interfaces between them, and where they are coupled',
        params: Type.Object({ environment: EnvironmentName }),
        response: { 200: GraphSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const { environment } = request.params;
      const exists = await app.store.db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
      if (!exists) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
      const snapshot = await loadEnvironmentSnapshot(app.store.db, environment, new Date());
      const catalog = await loadPublishedVersions(app.store.db, { versions: snapshot.live.map(({ service, version }) => ({ service, version })) });
      const live = [...catalog.values()];
      const report = couplingReport(live);
      const versions = new Map<string, Set<string>>();
      for (const entry of snapshot.live) versions.set(entry.service, (versions.get(entry.service) ?? new Set()).add(entry.version));
      return {
        environment,
        at: snapshot.at,
        services: [...versions].sort(([a], [b]) => a.localeCompare(b)).map(([service, set]) => ({ service, versions: [...set] })),
        links: judgeLinks(report, live, checker).map((link) => ({ ...link, problems: [...link.problems] })),
        cycles: report.cycles.map((c) => [...c]),
        syncChains: report.syncChains.map((c) => [...c]),
        sharedDatabases: report.sharedDatabases.map((d) => ({ interface: d.interface, services: [...d.services] })),
        unversionedContracts: [...report.unversionedContracts],
        unprovided: [...report.graph.unprovided],
      };
    },
  );
};
