import type { Ignore } from '../decide/ignore.ts';
import type { PairChecker } from '../decide/pair-checker.ts';
import type { EnvironmentSnapshot, VersionCatalog } from '../model/snapshot.ts';
import type { Plan, PlanTarget } from './plan.ts';
import type { PlanDecide } from './plan-decide.ts';
import { planEnvironment, type EnvironmentPlan } from './plan-environment.ts';

export interface PlanInput {
  /** One snapshot per environment, in the order the change goes through them (staging, then production). */
  readonly environments: readonly EnvironmentSnapshot[];
  readonly versions: VersionCatalog;
  readonly targets: readonly PlanTarget[];
  readonly decide: PlanDecide;
  readonly ignores?: readonly Ignore[];
  /** The pair checker behind `decide`; lets plain pairs be judged from its memo. */
  readonly checker?: PairChecker;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly perEnvironment: readonly EnvironmentPlan[];
}

/**
 * The technical schedule across environments: each is planned on its own state, in order, and the
 * steps are listed environment by environment, so production starts once staging is through.
 */
export function planChanges(input: PlanInput): PlanResult {
  const perEnvironment = input.environments.map((snapshot) =>
    planEnvironment({ snapshot, versions: input.versions, targets: input.targets, decide: input.decide, ignores: input.ignores, checker: input.checker }),
  );
  return {
    plan: {
      environments: perEnvironment.map((env) => env.environment),
      steps: perEnvironment.flatMap((env) => env.steps),
      lockstep: perEnvironment.flatMap((env) => env.lockstep),
    },
    perEnvironment,
  };
}
