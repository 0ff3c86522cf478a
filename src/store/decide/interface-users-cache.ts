import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface InterfaceUser {
  readonly service: string;
  readonly version: string;
  /** `service@version`, built once. */
  readonly key: string;
  readonly role: 'provides' | 'consumes';
}

const CHUNK = 300;
/**
 * How far below the highest row id a refresh looks again. PostgreSQL hands out ids before commit,
 * so two concurrent publishes may commit out of order; rows already seen are skipped by id.
 */
const REREAD_MARGIN = 1000;

/**
 * Which versions provide or consume an interface, kept across decisions. Interface rows are only
 * ever appended (a version's interfaces never change once written), so the cache stays exact by
 * reading, before each use, the rows added since it last looked: one primary-key lookup when
 * nothing was published, whichever server replica published it. Operations run one at a time, so
 * concurrent requests never read a range twice or miss one.
 */
export class InterfaceUsersCache {
  readonly #users = new Map<string, InterfaceUser[]>();
  readonly #seen = new Set<number>();
  #watermark = 0;
  #queue: Promise<unknown> = Promise.resolve();

  /** Catches up with interface rows written since the last look. */
  refresh(db: Kysely<Database>): Promise<void> {
    return this.#serial(async () => {
      const latest = await db.selectFrom('version_interfaces').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      const top = Number(latest?.id ?? 0);
      if (top <= this.#watermark) return;
      const known = [...this.#users.keys()];
      const from = Math.max(0, this.#watermark - REREAD_MARGIN);
      for (let start = 0; start < known.length; start += CHUNK) await this.#fetch(db, known.slice(start, start + CHUNK), from, top);
      this.#watermark = top;
    });
  }

  /** Call after `refresh`: interfaces seen before answer from memory, new ones are read once. */
  usersOf(db: Kysely<Database>, interfaces: readonly string[]): Promise<Map<string, readonly InterfaceUser[]>> {
    return this.#serial(async () => {
      const missing = interfaces.filter((name) => !this.#users.has(name));
      for (const name of missing) this.#users.set(name, []);
      for (let start = 0; start < missing.length; start += CHUNK) await this.#fetch(db, missing.slice(start, start + CHUNK), 0, this.#watermark);
      return new Map(interfaces.map((name) => [name, this.#users.get(name)!]));
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #fetch(db: Kysely<Database>, names: readonly string[], after: number, upTo: number): Promise<void> {
    const rows = await db
      .selectFrom('version_interfaces as vi')
      .innerJoin('versions as v', 'v.id', 'vi.version_id')
      .select(['vi.id', 'v.service', 'v.version', 'vi.role', 'vi.interface'])
      .where('vi.interface', 'in', names)
      .where('vi.id', '>', after)
      .where('vi.id', '<=', upTo)
      .execute();
    for (const row of rows) {
      if (this.#seen.has(row.id)) continue;
      this.#seen.add(row.id);
      let list = this.#users.get(row.interface);
      if (!list) this.#users.set(row.interface, (list = []));
      list.push({ service: row.service, version: row.version, key: `${row.service}@${row.version}`, role: row.role });
    }
  }
}
