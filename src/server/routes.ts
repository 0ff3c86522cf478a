import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './resources/audit-routes.ts';
import { contractRoutes } from './resources/contract-routes.ts';
import { decideRoutes } from './decide/decide-routes.ts';
import { deploymentRoutes } from './resources/deployment-routes.ts';
import { environmentRoutes } from './resources/environment-routes.ts';
import { flagRoutes } from './flags/flag-routes.ts';
import { planRoutes } from './plans/plan-routes.ts';
import { rolloutRoutes } from './rollouts/rollout-routes.ts';
import { serviceRoutes } from './resources/service-routes.ts';
import { statusRoutes } from './resources/status-routes.ts';
import { tokenRoutes } from './resources/token-routes.ts';
import { versionRoutes } from './resources/version-routes.ts';
import { whoamiRoutes } from './resources/whoami-routes.ts';
import { diffRoutes } from './resources/diff-routes.ts';
import { graphRoutes } from './insights/graph-routes.ts';
import { insightsRoutes } from './insights/insights-routes.ts';

/**
 * One plugin per resource, each mounted under `/v1`. A feature adds its plugin with one line.
 * Each plugin reaches the store as `app.store` and the caller as `request.principal`.
 */
export const ROUTES: readonly FastifyPluginAsync[] = [
  serviceRoutes,
  versionRoutes,
  contractRoutes,
  environmentRoutes,
  deploymentRoutes,
  statusRoutes,
  tokenRoutes,
  auditRoutes,
  whoamiRoutes,
  diffRoutes,
  graphRoutes,
  insightsRoutes,
  flagRoutes,
  rolloutRoutes,
  decideRoutes,
  planRoutes,
];
