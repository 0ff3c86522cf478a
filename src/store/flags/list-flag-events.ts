import type { Kysely } from 'kysely';
import type { FlagDefinition } from '../../flags/evaluate/flag-definition.ts';
import type { Database } from '../database.ts';
import { definitionOf } from './stored-flag.ts';

export interface FlagEvent {
  readonly id: number;
  readonly environment: string;
  readonly flag: string;
  readonly action: string;
  readonly actor: string;
  readonly reason?: string;
  readonly at: string;
  readonly definition: FlagDefinition;
  readonly previous?: FlagDefinition;
}

/** A flag's history in one environment, newest first: who changed what, when and why. */
export async function listFlagEvents(db: Kysely<Database>, name: string, environment: string, limit = 100): Promise<FlagEvent[]> {
  const rows = await db
    .selectFrom('flag_events')
    .selectAll()
    .where('flag', '=', name)
    .where('environment', '=', environment)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    environment: row.environment,
    flag: row.flag,
    action: row.action,
    actor: row.actor,
    ...(row.reason === null ? {} : { reason: row.reason }),
    at: row.at,
    definition: definitionOf(row.flag, row.definition),
    ...(row.previous === null ? {} : { previous: definitionOf(row.flag, row.previous) }),
  }));
}
