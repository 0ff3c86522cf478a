import type { Kysely } from 'kysely';
import type { ContractSource } from '../../model/contract-source.ts';
import type { Database } from '../database.ts';
import type { NewContractRow } from '../tables/contracts.ts';

/** Inserts contracts not stored yet; a hash already present is the same content by construction. */
export async function storeContracts(trx: Kysely<Database>, contracts: ReadonlyMap<string, ContractSource>, at: string): Promise<void> {
  const rows: NewContractRow[] = [...contracts].map(([hash, source]) => contractRow(hash, source, at));
  if (rows.length === 0) return;
  await trx
    .insertInto('contracts')
    .values(rows)
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .execute();
}

export function contractRow(hash: string, source: ContractSource, at: string): NewContractRow {
  const size = Object.values(source.files).reduce((total, text) => total + text.length, 0);
  return { hash, kind: source.kind, entry: source.entry, files: JSON.stringify(source.files), size, created_at: at };
}
