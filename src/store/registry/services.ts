import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { ServiceRow } from '../tables/services.ts';

export interface Service {
  readonly name: string;
  readonly owner?: string;
  readonly description?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export async function listServices(db: Kysely<Database>): Promise<Service[]> {
  return (await db.selectFrom('services').selectAll().orderBy('name').execute()).map(toService);
}

export async function findService(db: Kysely<Database>, name: string): Promise<Service | undefined> {
  const row = await db.selectFrom('services').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toService(row);
}

function toService(row: ServiceRow): Service {
  return {
    name: row.name,
    ...(row.owner === null ? {} : { owner: row.owner }),
    ...(row.description === null ? {} : { description: row.description }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
