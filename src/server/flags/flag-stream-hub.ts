import type { Kysely } from 'kysely';
import type { FlagSnapshot } from '../../flags/evaluate/flag-set.ts';
import type { Database } from '../../store/database.ts';
import { loadFlagSnapshot } from '../../store/flags/load-flag-snapshot.ts';

type Listener = (snapshot: FlagSnapshot) => void;

interface Channel {
  readonly listeners: Set<Listener>;
  revision?: string;
  /** Serialises reloads so subscribers see revisions in order. */
  pending: Promise<void>;
}

/**
 * Pushes an environment's flag snapshot to stream subscribers whenever its revision changes. A
 * change made through this server is pushed at once (`notify`); changes made through another
 * replica, and deployments that move a deployment condition, are picked up by a poll that runs
 * only while someone listens.
 */
export class FlagStreamHub {
  private readonly channels = new Map<string, Channel>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Kysely<Database>, pollMs = 1000) {
    this.timer = setInterval(() => {
      for (const environment of this.channels.keys()) this.notify(environment);
    }, pollMs);
    this.timer.unref();
  }

  /** Sends the current snapshot at once, then every changed one; returns the unsubscribe function. */
  async subscribe(environment: string, listener: Listener): Promise<() => void> {
    const snapshot = await loadFlagSnapshot(this.db, environment);
    let channel = this.channels.get(environment);
    if (!channel) {
      channel = { listeners: new Set(), revision: snapshot.revision, pending: Promise.resolve() };
      this.channels.set(environment, channel);
    }
    channel.listeners.add(listener);
    listener(snapshot);
    const joined = channel;
    return () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size === 0 && this.channels.get(environment) === joined) this.channels.delete(environment);
    };
  }

  /** Reloads the environment's snapshot and pushes it if it changed. */
  notify(environment: string): Promise<void> {
    const channel = this.channels.get(environment);
    if (!channel) return Promise.resolve();
    channel.pending = channel.pending.then(async () => {
      try {
        const snapshot = await loadFlagSnapshot(this.db, environment);
        if (snapshot.revision === channel.revision) return;
        channel.revision = snapshot.revision;
        for (const listener of channel.listeners) listener(snapshot);
      } catch {
        // the database hiccuped: the next poll tries again
      }
    });
    return channel.pending;
  }

  close(): void {
    clearInterval(this.timer);
    this.channels.clear();
  }
}
