import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.ts';
import { reconcileRollout } from '../machine/reconcile-rollout.ts';
import type { RolloutPass } from '../machine/rollout-input.ts';
import { TERMINAL_PHASES } from '../machine/rollout-status.ts';
import type { Target } from '../targets/target.ts';
import { applyActions } from './apply-actions.ts';
import { observeRollout } from './observe-rollout.ts';
import type { RolloutRecord } from './rollout-record.ts';
import { listActiveRollouts, saveRolloutPass } from './rollout-store.ts';
import { onRolloutBell } from './rollout-bell.ts';

export interface RolloutRunnerOptions {
  readonly db: Kysely<Database>;
  readonly target: Target;
  /** The environment this runner drives. */
  readonly environment: string;
  /** Rollouts running at once in the environment; later ones wait in order. Default 2. */
  readonly maxConcurrent?: number;
  /** Longest time between passes while a rollout is active (the sliding analysis runs each pass). */
  readonly intervalMs?: number;
  readonly actor?: string;
  readonly now?: () => number;
  /** Called after each stored pass (for logs and live views). */
  readonly onPass?: (rollout: RolloutRecord, pass: RolloutPass) => void;
  readonly onError?: (error: unknown) => void;
}

const MAX_PASSES_PER_TICK = 8;

/**
 * Drives every active rollout of an environment: each pass observes the target, asks the machine
 * for the next status, stores it (once, with its events), then applies the actions. Nothing about
 * progress is kept here between passes, so a fresh runner after a crash continues from the store.
 */
export class RolloutRunner {
  private readonly db: Kysely<Database>;
  private readonly target: Target;
  private readonly maxConcurrent: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly actor: string;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = true;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly options: RolloutRunnerOptions) {
    this.db = options.db;
    this.target = options.target;
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.intervalMs = options.intervalMs ?? 200;
    this.now = options.now ?? Date.now;
    this.actor = options.actor ?? 'stepwise-runner';
    this.target.onChange(() => this.kick());
    this.unsubscribe = onRolloutBell((environment) => {
      if (environment === options.environment) this.kick();
    });
  }

  private readonly unsubscribe: () => void;

  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    clearTimeout(this.timer);
    await this.idle;
  }

  /** Runs a tick as soon as possible (new rollout, request, process change). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    this.idle = this.tick()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One round over the environment's active rollouts, then the next wake-up is scheduled. */
  async tick(): Promise<void> {
    let wakeAt = this.now() + this.intervalMs * 5;
    const active = await listActiveRollouts(this.db, this.options.environment);
    let slots = this.maxConcurrent - active.filter((rollout) => rollout.status.phase !== 'queued').length;
    for (const rollout of active) {
      let admitted = rollout.status.phase !== 'queued';
      if (!admitted && slots > 0) {
        admitted = true;
        slots--;
      }
      const wake = await this.drive(rollout, admitted);
      if (wake !== null) wakeAt = Math.min(wakeAt, wake);
      if (rollout.status.phase !== 'queued' || admitted) wakeAt = Math.min(wakeAt, this.now() + this.intervalMs);
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => this.kick(), Math.max(0, wakeAt - this.now()));
    }
  }

  /** Passes over one rollout until it stops changing (each pass advances at most one gate). */
  private async drive(initial: RolloutRecord, admitted: boolean): Promise<number | null> {
    let rollout = initial;
    let wake: number | null = null;
    for (let passes = 0; passes < MAX_PASSES_PER_TICK && !this.stopped; passes++) {
      await this.target.ensureService({
        service: rollout.service,
        ...(rollout.run.gatewayPort === undefined ? {} : { port: rollout.run.gatewayPort }),
        ...(rollout.run.previewPort === undefined ? {} : { previewPort: rollout.run.previewPort }),
        sticky: rollout.spec.sticky,
      });
      const nowMs = this.now();
      const observation = await observeRollout(this.target, rollout, admitted, nowMs);
      const pass = reconcileRollout({
        spec: rollout.spec,
        stableVersion: rollout.stableVersion,
        canaryVersion: rollout.version,
        status: rollout.status,
        requests: rollout.requests,
        observation,
        nowMs,
      });
      const changed = JSON.stringify(pass.status) !== JSON.stringify(rollout.status) || pass.transitions.length > 0;
      const wakeAction = pass.actions.find((action) => action.type === 'wake-at');
      const wakeIso = wakeAction && wakeAction.type === 'wake-at' ? new Date(wakeAction.atMs).toISOString() : null;
      if (changed) {
        const at = new Date(nowMs).toISOString();
        const stored = await saveRolloutPass(this.db, rollout, pass, wakeIso, this.actor, at);
        if (!stored) return null; // another runner got there first; the next tick reads its result
        rollout = { ...rollout, status: pass.status, revision: rollout.revision + 1, wakeAt: wakeIso, updatedAt: at };
        this.options.onPass?.(rollout, pass);
      }
      wake = await applyActions(this.target, rollout, pass.actions);
      if (!changed || TERMINAL_PHASES.has(pass.status.phase)) break;
    }
    return wake;
  }
}
