import type { Generated, Insertable, Selectable } from 'kysely';

/** The append-only log of what happened in an environment; live versions are derived from it. */
export interface DeploymentEventsTable {
  id: Generated<number>;
  environment: string;
  service: string;
  version: string;
  target: string;
  /** `deployed` | `released` | `undeployed`, plus kinds later features add (rollout events). */
  kind: string;
  actor: string;
  at: string;
  /** JSON with kind-specific details, or null. */
  data: string | null;
}

export type DeploymentEventRow = Selectable<DeploymentEventsTable>;
export type NewDeploymentEventRow = Insertable<DeploymentEventsTable>;
