import type { Generated, Insertable, Selectable } from 'kysely';

/** One `provides` or `consumes` entry of a version. Contracts are referenced by hash. */
export interface VersionInterfacesTable {
  id: Generated<number>;
  version_id: number;
  role: 'provides' | 'consumes';
  /** Order in the manifest, so a version reads back as it was written. */
  position: number;
  interface: string;
  kind: string;
  contract_hash: string | null;
  /** JSON object: media type -> contract hash. */
  formats: string | null;
  /** JSON array of operation names (consumers of HTTP/gRPC). */
  operations: string | null;
  required: number;
  flag: string | null;
  retention_ms: number | null;
  /** JSON of the remaining entry fields (e.g. `sync`, `retention` as written). */
  extra: string | null;
}

export type VersionInterfaceRow = Selectable<VersionInterfacesTable>;
export type NewVersionInterfaceRow = Insertable<VersionInterfacesTable>;
