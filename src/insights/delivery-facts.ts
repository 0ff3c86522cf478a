/**
 * What the store knows about delivery in one environment, as plain data with times in
 * milliseconds since the epoch. The read model fills it; the metrics only read it.
 */
export interface DeliveryFacts {
  /** Deployment events in the order they were recorded (by id). */
  readonly events: readonly DeploymentFact[];
  /** Outcomes of the rollouts the events mention, by rollout id. */
  readonly rollouts: readonly RolloutOutcome[];
  /** When versions were published with their contracts. Versions only seen in a deployment record are absent. */
  readonly published: readonly PublishedAt[];
}

export interface DeploymentFact {
  readonly service: string;
  readonly version: string;
  readonly kind: 'deployed' | 'released' | 'undeployed';
  readonly at: number;
  /** The rollout that recorded the event, when a rollout did. */
  readonly rollout?: number;
}

export interface RolloutOutcome {
  readonly id: number;
  /** `rolled-back` is a failure; `succeeded` is not; any other phase is still running. */
  readonly phase: string;
  /** When the rollout reached its final phase, or null while it runs. */
  readonly finishedAt: number | null;
}

export interface PublishedAt {
  readonly service: string;
  readonly version: string;
  readonly at: number;
}
