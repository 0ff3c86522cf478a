import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A published (or only deployed) version of a service. Immutable once it has contracts. */
export interface VersionsTable {
  id: Generated<number>;
  service: string;
  version: string;
  branch: string | null;
  commit_sha: string | null;
  /** 1 when published with its manifest; 0 when only seen in a deployment record. */
  has_contracts: number;
  /** Hash of the normalised published content; equal hashes make a re-publish a no-op. */
  content_hash: string | null;
  /** JSON of the manifest parts stored as given (owner, description, run, rollout). */
  manifest: string | null;
  published_at: ColumnType<string, string, string>;
}

export type VersionRow = Selectable<VersionsTable>;
export type NewVersionRow = Insertable<VersionsTable>;
export type VersionUpdate = Updateable<VersionsTable>;
