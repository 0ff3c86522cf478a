import type { Kysely } from 'kysely';
import type { ContractKind } from '../../model/contract-kind.ts';
import type { ContractSource } from '../../model/contract-source.ts';
import type { Database } from '../database.ts';

const CHUNK = 500;

/** Hash -> contract for the given hashes; each stored document is parsed once and shared. */
export async function loadContracts(db: Kysely<Database>, hashes: Iterable<string>): Promise<Map<string, ContractSource>> {
  const wanted = [...new Set(hashes)];
  const found = new Map<string, ContractSource>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const rows = await db
      .selectFrom('contracts')
      .select(['hash', 'kind', 'entry', 'files'])
      .where('hash', 'in', wanted.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) {
      found.set(row.hash, { kind: row.kind as ContractKind, entry: row.entry, files: JSON.parse(row.files) as Record<string, string> });
    }
  }
  return found;
}
