import type { Kysely } from 'kysely';
import type { PairMemo, PairMemoKey } from '../../decide/pair-memo.ts';
import { pairMemoKeyText } from '../../decide/pair-memo.ts';
import type { Finding } from '../../model/finding.ts';
import type { Database } from '../database.ts';
import type { NewPairResultRow } from '../tables/pair-results.ts';

const CHUNK = 400;
/** Preloaded rows not handed over yet (a contract shared by thousands of pairs preloads them all). */
const MAX_PRELOADED = 100_000;

/**
 * The store's side of the pair memo. The decision core is synchronous, so rows are read ahead
 * (`preload`, by the contract hashes a decision involves) and new results are written back after
 * it (`flush`). Each hash is preloaded once per process: after that the in-memory memo has it.
 */
export class StorePairMemo implements PairMemo {
  readonly #rows = new Map<string, readonly Finding[]>();
  readonly #loaded = new Set<string>();
  #pending: NewPairResultRow[] = [];

  /** Hands a preloaded row over once: from then on the checker's in-memory memo holds it. */
  get(key: PairMemoKey): readonly Finding[] | undefined {
    const text = pairMemoKeyText(key);
    const findings = this.#rows.get(text);
    if (findings) this.#rows.delete(text);
    return findings;
  }

  put(key: PairMemoKey, findings: readonly Finding[]): void {
    this.#pending.push({
      kind: key.kind,
      provider_hash: key.providerHash,
      consumer_hash: key.consumerHash,
      engine_version: key.engineVersion,
      findings: JSON.stringify(findings),
      computed_at: new Date().toISOString(),
    });
  }

  /** Reads every stored result with one of `hashes` on either side, skipping hashes read before. */
  async preload(db: Kysely<Database>, hashes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(hashes)].filter((hash) => !this.#loaded.has(hash));
    for (let start = 0; start < wanted.length; start += CHUNK) {
      const slice = wanted.slice(start, start + CHUNK);
      const rows = await db
        .selectFrom('pair_results')
        .selectAll()
        .where((eb) => eb.or([eb('provider_hash', 'in', slice), eb('consumer_hash', 'in', slice)]))
        .execute();
      for (const row of rows) {
        if (this.#rows.size >= MAX_PRELOADED) this.#rows.delete(this.#rows.keys().next().value as string);
        const key = { kind: row.kind, providerHash: row.provider_hash, consumerHash: row.consumer_hash, engineVersion: row.engine_version };
        this.#rows.set(pairMemoKeyText(key), JSON.parse(row.findings) as Finding[]);
      }
    }
    for (const hash of wanted) this.#loaded.add(hash);
  }

  /** Writes the results computed since the last flush; a row another server wrote first wins. */
  async flush(db: Kysely<Database>): Promise<number> {
    const rows = this.#pending;
    this.#pending = [];
    for (let start = 0; start < rows.length; start += 100) {
      await db
        .insertInto('pair_results')
        .values(rows.slice(start, start + 100))
        .onConflict((conflict) => conflict.columns(['provider_hash', 'consumer_hash', 'kind', 'engine_version']).doNothing())
        .execute();
    }
    return rows.length;
  }

  /** Forgets what was read, so the next decisions go back to the store (the benchmark's cold runs). */
  forget(): void {
    this.#rows.clear();
    this.#loaded.clear();
  }
}
