import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { deliveryReport } from '../../insights/delivery-report.ts';
import { StepwiseError } from '../../model/errors.ts';
import { loadDeliveryFacts } from '../../store/read-models/delivery-facts.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The period when none is asked for: the last 30 days. */
const DEFAULT_DAYS = 30;
/** A deployment this soon after the service's previous one is counted as rework (docs/insights.md). */
const DEFAULT_REWORK_MINUTES = 240;
/** Two services deploying this close together deployed together. */
const CO_DEPLOY_WINDOW = 15 * MINUTE;

const Nullable = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

const ServiceDeliverySchema = Type.Object({
  service: Type.String(),
  deployments: Type.Integer({ description: 'Deployments that started in the period; the events of one rollout, or of one version on several targets, are one.' }),
  perDay: Type.Number(),
  perWeek: Type.Number(),
  leadTime: Type.Object(
    { median: Nullable('Milliseconds.'), p90: Nullable('Milliseconds.'), measured: Type.Integer({ description: 'Deployments with a lead time.' }) },
    { description: "From a version's publish to its first deployment in the environment (commit time is not stored)." },
  ),
  failures: Type.Integer(),
  changeFailureRate: Nullable('Failed deployments / deployments: rolled-back rollouts and deployments reverted to an older version. Null without deployments.'),
  timeToRestore: Type.Object(
    { median: Nullable('Milliseconds.'), restored: Type.Integer(), unrestored: Type.Integer() },
    { description: 'From a failed deployment to the end of its rollback or the next deployment that did not fail.' },
  ),
  reworks: Type.Integer(),
  reworkRate: Nullable("Deployments that came within the rework window after the service's previous one / deployments. Null without deployments."),
});

const InsightsSchema = Type.Object({
  environment: Type.String(),
  period: Type.Object({ since: Type.String(), until: Type.String() }),
  reworkWindowMinutes: Type.Integer(),
  coDeployWindowMinutes: Type.Integer(),
  services: Type.Array(ServiceDeliverySchema),
  coDeployments: Type.Array(
    Type.Object({
      services: Type.Array(Type.String(), { minItems: 2, maxItems: 2 }),
      together: Type.Integer({ description: 'Deployments of the pair within the window of one another.' }),
      ratio: Type.Number({ description: "The smaller share of either service's deployments that had the other within the window." }),
    }),
    { description: 'Services that nearly always deploy together (80% of the deployments of each, at least 3 each).' },
  ),
});

/** Delivery metrics per service and the services that deploy in lock-step, over a period. */
export const insightsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/environments/:environment/insights',
    {
      schema: {
        tags: ['insights'],
        summary: 'Delivery metrics per service (frequency, lead time, change failure rate, time to restore, rework) and co-deploying services',
        params: Type.Object({ environment: EnvironmentName }),
        querystring: Type.Object({
          since: Type.Optional(Type.String({ format: 'date-time', description: 'Start of the period (default: 30 days before `until`).' })),
          until: Type.Optional(Type.String({ format: 'date-time', description: 'End of the period (default: now).' })),
          reworkWindow: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_080, description: `Minutes after a deployment within which the next one is rework (default ${DEFAULT_REWORK_MINUTES}).` })),
        }),
        response: { 200: InsightsSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const { environment } = request.params;
      const until = timeOf(request.query.until, 'until') ?? new Date();
      const since = timeOf(request.query.since, 'since') ?? new Date(until.getTime() - DEFAULT_DAYS * DAY);
      if (since.getTime() >= until.getTime()) {
        throw new StepwiseError('BAD_INPUT', `the period must start before it ends: since ${since.toISOString()} is not before until ${until.toISOString()}`, {
          pointer: '/querystring/since',
        });
      }
      const reworkMinutes = request.query.reworkWindow ?? DEFAULT_REWORK_MINUTES;
      const facts = await loadDeliveryFacts(app.store.db, environment, until);
      const report = deliveryReport(facts, { since: since.getTime(), until: until.getTime(), reworkWindowMs: reworkMinutes * MINUTE, coDeployWindowMs: CO_DEPLOY_WINDOW });
      return {
        environment,
        period: { since: since.toISOString(), until: until.toISOString() },
        reworkWindowMinutes: reworkMinutes,
        coDeployWindowMinutes: CO_DEPLOY_WINDOW / MINUTE,
        services: report.services.map((entry) => ({ ...entry, leadTime: { ...entry.leadTime }, timeToRestore: { ...entry.timeToRestore } })),
        coDeployments: report.coDeployments.map((pair) => ({ ...pair, services: [...pair.services] })),
      };
    },
  );
};

/** A query time, or undefined when not given; BAD_INPUT naming the parameter when it is no time. */
function timeOf(text: string | undefined, name: string): Date | undefined {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new StepwiseError('BAD_INPUT', `${name} "${text}" is not a timestamp`, { pointer: `/querystring/${name}` });
  return at;
}
