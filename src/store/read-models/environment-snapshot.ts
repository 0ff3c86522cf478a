import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import { versionKey, type EnvironmentSnapshot, type LiveSpan, type PublishedVersion, type VersionCatalog } from '../../model/snapshot.ts';
import type { Database } from '../database.ts';
import { loadFlagStates } from '../flags/load-flag-states.ts';
import { loadContracts } from './load-contracts.ts';
import { toLiveVersion } from './to-live-version.ts';
import { contractHashesOf, toPublishedVersion } from './to-published-version.ts';

/**
 * What was live in an environment at `at`, and every span that began by then (the history data at
 * rest comes from), and which flags could be on at `at` (deployment conditions read `live`).
 */
export async function loadEnvironmentSnapshot(db: Kysely<Database>, environment: string, at: Date): Promise<EnvironmentSnapshot> {
  const found = await db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
  if (!found) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
  const iso = at.toISOString();
  const spans = await db
    .selectFrom('live_versions')
    .select(['service', 'version', 'target', 'mode', 'since', 'until'])
    .where('environment', '=', environment)
    .where('since', '<=', iso)
    .orderBy('id')
    .execute();
  const live = spans.filter((span) => span.until === null || span.until > iso).map(toLiveVersion);
  const history = spans.map(
    (span): LiveSpan => ({
      service: span.service,
      version: span.version,
      from: span.since,
      ...(span.until !== null && span.until <= iso ? { to: span.until } : {}),
    }),
  );
  return { environment, at: iso, live, history, flags: await loadFlagStates(db, environment, iso, live) };
}

export interface VersionFilter {
  /** Only these services (every version of each). */
  readonly services?: readonly string[];
  /** Only these exact versions. */
  readonly versions?: readonly { readonly service: string; readonly version: string }[];
}

const CHUNK = 300;

/** Published versions (all, or those the filter names) with their contracts resolved by hash. */
export async function loadPublishedVersions(db: Kysely<Database>, filter: VersionFilter = {}): Promise<VersionCatalog> {
  const base = () => db.selectFrom('versions').select(['service', 'version', 'has_contracts', 'manifest', 'published_at']);
  const rows: Awaited<ReturnType<ReturnType<typeof base>['execute']>> = [];
  if (filter.services === undefined && filter.versions === undefined) rows.push(...(await base().orderBy('id').execute()));
  for (let start = 0; start < (filter.services?.length ?? 0); start += CHUNK) {
    rows.push(...(await base().where('service', 'in', filter.services!.slice(start, start + CHUNK)).orderBy('id').execute()));
  }
  for (let start = 0; start < (filter.versions?.length ?? 0); start += CHUNK) {
    const slice = filter.versions!.slice(start, start + CHUNK);
    rows.push(
      ...(await base()
        .where((eb) => eb.or(slice.map((key) => eb.and([eb('service', '=', key.service), eb('version', '=', key.version)]))))
        .execute()),
    );
  }
  const contracts = await loadContracts(db, rows.flatMap(contractHashesOf));
  const catalog = new Map<string, PublishedVersion>();
  for (const row of rows) catalog.set(versionKey(row.service, row.version), toPublishedVersion(row, contracts));
  return catalog;
}
