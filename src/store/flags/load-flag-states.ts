import type { Kysely } from 'kysely';
import { flagMayBeOn } from '../../flags/evaluate/flag-may-be-on.ts';
import type { LiveVersion } from '../../model/snapshot.ts';
import type { Database } from '../database.ts';
import { definitionOf } from './stored-flag.ts';

/**
 * Flag name -> whether it could be on for anyone in the environment at `at` (ISO), replaying the
 * flag events up to then, with deployment conditions checked against `live` (what ran at `at`).
 * This is what `EnvironmentSnapshot.flags` holds for the decision and the planner.
 */
export async function loadFlagStates(db: Kysely<Database>, environment: string, at: string, live: readonly LiveVersion[]): Promise<Record<string, boolean>> {
  const rows = await db
    .selectFrom('flag_events')
    .select(['flag', 'definition'])
    .where('environment', '=', environment)
    .where('at', '<=', at)
    .orderBy('id')
    .execute();
  const latest = new Map<string, string>();
  for (const row of rows) latest.set(row.flag, row.definition);
  const states: Record<string, boolean> = {};
  for (const [name, json] of [...latest].sort(([a], [b]) => a.localeCompare(b))) states[name] = flagMayBeOn(definitionOf(name, json), live);
  return states;
}
