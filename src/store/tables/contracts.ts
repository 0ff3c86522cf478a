import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Contract documents by content hash: identical content is stored once, whoever publishes it. */
export interface ContractsTable {
  /** `sha256:<hex>` from src/model/contract-hash.ts. */
  hash: string;
  kind: string;
  entry: string;
  /** JSON object: path -> file text. */
  files: string;
  /** Total characters of the files, for size reports. */
  size: number;
  created_at: ColumnType<string, string, never>;
}

export type ContractRow = Selectable<ContractsTable>;
export type NewContractRow = Insertable<ContractsTable>;
