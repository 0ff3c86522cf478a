import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import type { TokenRow } from '../tables/tokens.ts';
import { dialectOf, writeTransaction } from '../write-transaction.ts';

export const SCOPES = ['read', 'publish', 'deploy', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Token {
  readonly id: string;
  readonly name: string;
  readonly scope: Scope;
  /** Services the token is bound to; undefined means every service. */
  readonly services?: string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

export interface NewToken {
  readonly name: string;
  readonly scope: Scope;
  readonly services?: readonly string[];
  readonly actor: string;
  /** Use this secret instead of a random one (the operator's STEPWISE_ADMIN_TOKEN). */
  readonly secret?: string;
}

/** Only the hash is stored: a leaked database does not leak usable tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a token and returns its secret: the only time the secret is ever available. */
export async function createToken(db: Kysely<Database>, input: NewToken): Promise<{ token: Token; secret: string }> {
  return writeTransaction(db, (trx) => insertToken(trx, input));
}

async function insertToken(trx: Kysely<Database>, input: NewToken): Promise<{ token: Token; secret: string }> {
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const secret = input.secret ?? `stw_${randomBytes(24).toString('base64url')}`;
  const at = new Date().toISOString();
  const row = {
    id,
    name: input.name,
    secret_hash: hashSecret(secret),
    scope: input.scope,
    services: input.services && input.services.length > 0 ? JSON.stringify([...input.services].sort()) : null,
    created_by: input.actor,
    created_at: at,
    revoked_at: null,
  };
  await trx.insertInto('tokens').values(row).execute();
  const token = toToken(row);
  await recordAudit(trx, { actor: input.actor, action: 'token.created', subject: `token:${id}`, at, data: token });
  return { token, secret };
}

/** The active token with this secret, or undefined. */
export async function findTokenBySecret(db: Kysely<Database>, secret: string): Promise<Token | undefined> {
  const row = await db.selectFrom('tokens').selectAll().where('secret_hash', '=', hashSecret(secret)).where('revoked_at', 'is', null).executeTakeFirst();
  return row && toToken(row);
}

export async function listTokens(db: Kysely<Database>): Promise<Token[]> {
  return (await db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(toToken);
}

export async function revokeToken(db: Kysely<Database>, id: string, actor: string): Promise<Token> {
  const at = new Date().toISOString();
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new StepwiseError('NOT_FOUND', `token "${id}" does not exist`, { pointer: '/id' });
    if (row.revoked_at !== null) return toToken(row);
    await trx.updateTable('tokens').set({ revoked_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'token.revoked', subject: `token:${id}`, at, data: { revokedAt: at }, previous: { revokedAt: null } });
    return toToken({ ...row, revoked_at: at });
  });
}

/**
 * Makes sure an admin token exists. With `secret` (STEPWISE_ADMIN_TOKEN) that secret becomes one;
 * otherwise, when no active admin token exists, a new one is made and its secret returned to print once.
 * Check and insert run in one write transaction — on PostgreSQL under an advisory lock — so replicas
 * starting together on one database neither collide on the secret nor each make an admin token.
 */
export async function ensureAdminToken(db: Kysely<Database>, secret?: string): Promise<string | undefined> {
  return writeTransaction(db, async (trx) => {
    if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${ADMIN_TOKEN_LOCK})`.execute(trx);
    if (secret !== undefined) {
      const existing = await trx.selectFrom('tokens').select('id').where('secret_hash', '=', hashSecret(secret)).where('revoked_at', 'is', null).executeTakeFirst();
      if (!existing) await insertToken(trx, { name: 'admin (STEPWISE_ADMIN_TOKEN)', scope: 'admin', actor: 'system', secret });
      return undefined;
    }
    const admin = await trx.selectFrom('tokens').select('id').where('scope', '=', 'admin').where('revoked_at', 'is', null).executeTakeFirst();
    if (admin) return undefined;
    return (await insertToken(trx, { name: 'admin', scope: 'admin', actor: 'system' })).secret;
  });
}

/** Any fixed key: it only has to be the same for every replica. */
const ADMIN_TOKEN_LOCK = 0x5374_7701;

function toToken(row: TokenRow): Token {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    ...(row.services === null ? {} : { services: JSON.parse(row.services) as string[] }),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}
