import type { StepwiseMigration } from './migration.ts';
import { registryMigration } from './0001-registry.ts';
import { pairResultsMigration } from './0010-pair-results.ts';
import { decisionIndexesMigration } from './0011-decision-indexes.ts';
import { plansMigration } from './0020-plans.ts';
import { planStepMessagesMigration } from './0021-plan-step-messages.ts';
import { rolloutsMigration } from './0030-rollouts.ts';
import { flagsMigration } from './0040-flags.ts';

/**
 * Every migration, in order, by name. Number ranges keep features apart: registry 0001–0009,
 * can-i-deploy 0010–0019, plans 0020–0029, rollouts 0030–0039, flags 0040–0049. One line each.
 */
export const MIGRATIONS: Readonly<Record<string, StepwiseMigration>> = {
  '0001-registry': registryMigration,
  '0010-pair-results': pairResultsMigration,
  '0011-decision-indexes': decisionIndexesMigration,
  '0020-plans': plansMigration,
  '0021-plan-step-messages': planStepMessagesMigration,
  '0030-rollouts': rolloutsMigration,
  '0040-flags': flagsMigration,
};

export type { StepwiseMigration } from './migration.ts';
