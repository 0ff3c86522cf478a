import { EventEmitter } from 'node:events';

const bell = new EventEmitter();
bell.setMaxListeners(0);

/**
 * Tells a runner in the same process that a rollout was created or a request stored, so it does
 * not wait for its next timer. Runners in other processes find the change on their next tick.
 */
export function ringRolloutBell(environment: string): void {
  bell.emit('ring', environment);
}

export function onRolloutBell(listener: (environment: string) => void): () => void {
  bell.on('ring', listener);
  return () => bell.off('ring', listener);
}

/** The environment's cap on concurrent rollouts: STEPWISE_MAX_ROLLOUTS, default 2. */
export function rolloutCap(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env['STEPWISE_MAX_ROLLOUTS'] ?? 2);
  return Number.isInteger(value) && value > 0 ? value : 2;
}
