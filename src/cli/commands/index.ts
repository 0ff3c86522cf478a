import type { RegisterCommand } from '../command.ts';
import { registerAudit } from './audit.ts';
import { registerCanIDeploy } from './can-i-deploy.ts';
import { registerDemo } from './demo.ts';
import { registerDeploy } from './deploy.ts';
import { registerDiff } from './diff.ts';
import { registerEnv } from './env.ts';
import { registerFlag } from './flag.ts';
import { registerInsights } from './insights.ts';
import { registerPlan } from './plan.ts';
import { registerPlanApply } from './plan-apply.ts';
import { registerPublish } from './publish.ts';
import { registerRecordDeployment } from './record-deployment.ts';
import { registerRollout } from './rollout.ts';
import { registerUp } from './up.ts';
import { registerRecordRelease } from './record-release.ts';
import { registerServer } from './server.ts';
import { registerStatus } from './status.ts';
import { registerToken } from './token.ts';
import { registerUndeploy } from './undeploy.ts';

/** Every CLI command, in the order `stepwise --help` lists them. Each lives in its own file. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerServer,
  registerPublish,
  registerEnv,
  registerRecordDeployment,
  registerRecordRelease,
  registerUndeploy,
  registerCanIDeploy,
  registerDeploy,
  registerStatus,
  registerRollout,
  registerUp,
  registerToken,
  registerAudit,
  registerInsights,
  registerFlag,
  registerDiff,
  registerPlan,
  registerPlanApply,
  registerDemo,
];
