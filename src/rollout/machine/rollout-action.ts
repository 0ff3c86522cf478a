/** What the runner must do to the target after the pass's status is stored. Each is idempotent. */
export type RolloutAction =
  | { readonly type: 'start-version'; readonly role: 'stable' | 'canary'; readonly version: string }
  | { readonly type: 'stop-version'; readonly role: 'stable' | 'canary'; readonly version: string }
  | { readonly type: 'set-weights'; readonly weights: { readonly stable: number; readonly canary: number } }
  | { readonly type: 'set-preview'; readonly enabled: boolean }
  /** Run the next pass no later than this (epoch ms). */
  | { readonly type: 'wake-at'; readonly atMs: number };

/** A deployment event the runner records so the environment shows what is live. */
export interface DeploymentRecord {
  readonly version: string;
  /** The primary slot replaces what ran there; the canary slot holds the new version while both run. */
  readonly slot: 'primary' | 'canary';
  readonly kind: 'deployed' | 'undeployed';
}

/** A change of the rollout worth an event in the history and the audit log. */
export interface RolloutTransition {
  readonly kind: 'started' | 'step' | 'paused' | 'resumed' | 'aborted' | 'promoting' | 'succeeded' | 'rolled-back' | 'steps-changed' | 'adopted';
  readonly message: string;
  readonly deployments: readonly DeploymentRecord[];
}
