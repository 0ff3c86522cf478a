import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FlagSnapshot } from '../../flags/evaluate/flag-set.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../database.ts';
import { toLiveVersion } from '../read-models/to-live-version.ts';
import { definitionOf } from './stored-flag.ts';

/**
 * What SDKs need to evaluate an environment's flags locally: every definition, plus the live
 * versions of the services their deployment conditions name. The revision hashes both, so it
 * changes when a flag changes and when a deployment moves a condition (it is the ETag).
 */
export async function loadFlagSnapshot(db: Kysely<Database>, environment: string): Promise<FlagSnapshot> {
  const rows = await db.selectFrom('flags').select(['name', 'definition']).where('environment', '=', environment).orderBy('name').execute();
  if (rows.length === 0) {
    const found = await db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
    if (!found) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
  }
  const flags = rows.map((row) => definitionOf(row.name, row.definition));
  const services = [...new Set(flags.flatMap((flag) => (flag.conditions ?? []).map((condition) => condition.service)))].sort();
  const live =
    services.length === 0
      ? []
      : (
          await db
            .selectFrom('live_versions')
            .selectAll()
            .where('environment', '=', environment)
            .where('until', 'is', null)
            .where('service', 'in', services)
            .orderBy('service')
            .orderBy('target')
            .orderBy('version')
            .execute()
        ).map(toLiveVersion);
  const revision = createHash('sha256').update(JSON.stringify({ flags, live })).digest('base64url').slice(0, 22);
  return { environment, revision, flags, live };
}
