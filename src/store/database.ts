import type { AuditEventsTable } from './tables/audit-events.ts';
import type { ContractsTable } from './tables/contracts.ts';
import type { DeploymentEventsTable } from './tables/deployment-events.ts';
import type { EnvironmentsTable } from './tables/environments.ts';
import type { FlagEventsTable } from './tables/flag-events.ts';
import type { FlagsTable } from './tables/flags.ts';
import type { LiveVersionsTable } from './tables/live-versions.ts';
import type { PairResultsTable } from './tables/pair-results.ts';
import type { PlanStepsTable } from './tables/plan-steps.ts';
import type { PlansTable } from './tables/plans.ts';
import type { RolloutEventsTable } from './tables/rollout-events.ts';
import type { RolloutsTable } from './tables/rollouts.ts';
import type { ServicesTable } from './tables/services.ts';
import type { TokensTable } from './tables/tokens.ts';
import type { VersionInterfacesTable } from './tables/version-interfaces.ts';
import type { VersionsTable } from './tables/versions.ts';

/**
 * Every table, described once. A feature adds its table file under `tables/` and one line here.
 * Timestamps are ISO strings and booleans 0/1 on both databases, so rows read the same everywhere.
 */
export interface Database {
  services: ServicesTable;
  contracts: ContractsTable;
  versions: VersionsTable;
  version_interfaces: VersionInterfacesTable;
  environments: EnvironmentsTable;
  deployment_events: DeploymentEventsTable;
  live_versions: LiveVersionsTable;
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  pair_results: PairResultsTable;
  rollouts: RolloutsTable;
  rollout_events: RolloutEventsTable;
  flags: FlagsTable;
  flag_events: FlagEventsTable;
  plans: PlansTable;
  plan_steps: PlanStepsTable;
}

/** The two databases Stepwise runs on. */
export type StoreDialect = 'sqlite' | 'postgres';
