import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/database.ts';
import { contractRow } from '../../src/store/registry/store-contracts.ts';
import { interfaceRow } from '../../src/store/registry/publish-version.ts';
import type { SyntheticOrg } from './synthetic-org.ts';

const BATCH = 500;

/**
 * Writes the organisation straight into the registry's tables, in the shapes `publishVersion` and
 * `recordDeployment` write (same row helpers), but in bulk: publishing 100k versions one request
 * at a time would measure the registry, not the decision.
 */
export async function seedOrg(db: Kysely<Database>, org: SyntheticOrg, environments: readonly string[]): Promise<void> {
  const at = '2024-01-01T00:00:00.000Z';
  await db.insertInto('environments').values(environments.map((name, position) => ({ name, position, description: null, created_at: at }))).execute();
  const services = [...new Set(org.versions.map((version) => version.service))];
  for (const slice of chunks(services, BATCH)) {
    await db.insertInto('services').values(slice.map((name) => ({ name, owner: null, description: null, created_at: at, updated_at: at }))).execute();
  }
  for (const slice of chunks([...org.contracts], 200)) {
    await db.insertInto('contracts').values(slice.map(([hash, source]) => contractRow(hash, source, at))).execute();
  }
  let id = 0;
  for (const slice of chunks(org.versions, BATCH)) {
    const first = id + 1;
    await db
      .insertInto('versions')
      .values(
        slice.map((version) => ({
          id: ++id,
          service: version.service,
          version: version.version,
          branch: null,
          commit_sha: null,
          has_contracts: 1,
          content_hash: `synthetic:${version.service}@${version.version}`,
          manifest: JSON.stringify({ provides: version.provides, consumes: version.consumes }),
          published_at: version.publishedAt,
        })),
      )
      .execute();
    const rows = slice.flatMap((version, index) => [...version.provides, ...version.consumes].map((entry, position) => interfaceRow(first + index, entry, position)));
    for (const part of chunks(rows, BATCH)) await db.insertInto('version_interfaces').values(part).execute();
  }
  for (const slice of chunks(org.spans, BATCH)) {
    await db
      .insertInto('live_versions')
      .values(slice.map((span) => ({ ...span, mode: 'deployed' as const, since_event: 0, until_event: null })))
      .execute();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
