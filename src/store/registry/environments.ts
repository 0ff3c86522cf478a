import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import { writeTransaction } from '../write-transaction.ts';

export interface Environment {
  readonly name: string;
  readonly position: number;
  readonly description?: string;
  readonly createdAt: string;
}

export interface NewEnvironment {
  readonly name: string;
  /** Place in the promotion order; defaults to after the last one. */
  readonly position?: number;
  readonly description?: string;
  readonly actor: string;
  readonly at?: string;
}

/** Creates an environment; creating one that exists is a CONFLICT. */
export async function createEnvironment(db: Kysely<Database>, input: NewEnvironment): Promise<Environment> {
  const at = input.at ?? new Date().toISOString();
  return writeTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('environments').select('name').where('name', '=', input.name).executeTakeFirst();
    if (existing) throw new StepwiseError('CONFLICT', `environment "${input.name}" already exists`, { pointer: '/name' });
    const last = await trx.selectFrom('environments').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
    const position = input.position ?? (last?.max ?? -1) + 1;
    await trx.insertInto('environments').values({ name: input.name, position, description: input.description ?? null, created_at: at }).execute();
    const environment: Environment = { name: input.name, position, ...(input.description ? { description: input.description } : {}), createdAt: at };
    await recordAudit(trx, { actor: input.actor, action: 'environment.created', subject: `environment:${input.name}`, at, data: environment });
    return environment;
  });
}

/** In promotion order. */
export async function listEnvironments(db: Kysely<Database>): Promise<Environment[]> {
  const rows = await db.selectFrom('environments').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map((row) => ({
    name: row.name,
    position: row.position,
    ...(row.description === null ? {} : { description: row.description }),
    createdAt: row.created_at,
  }));
}
