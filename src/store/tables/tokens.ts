import type { ColumnType, Insertable, Selectable } from 'kysely';

/** API tokens. Only a sha256 of the secret is kept; the secret is shown once, at creation. */
export interface TokensTable {
  id: string;
  name: string;
  secret_hash: string;
  scope: 'read' | 'publish' | 'deploy' | 'admin';
  /** JSON array of service names the token is bound to, or null for every service. */
  services: string | null;
  created_by: string;
  created_at: ColumnType<string, string, never>;
  revoked_at: string | null;
}

export type TokenRow = Selectable<TokensTable>;
export type NewTokenRow = Insertable<TokensTable>;
