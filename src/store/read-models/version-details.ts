import type { Kysely } from 'kysely';
import type { NormalisedPublication } from '../../manifest/normalise-publication.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../database.ts';

/** A version as the API shows it: contracts by hash (fetch each at /v1/contracts/{hash}). */
export interface VersionDetails {
  readonly service: string;
  readonly version: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly hasContracts: boolean;
  readonly contentHash?: string;
  readonly publishedAt: string;
  readonly owner?: string;
  readonly description?: string;
  readonly provides: NormalisedPublication['content']['provides'];
  readonly consumes: NormalisedPublication['content']['consumes'];
  readonly run?: unknown;
  readonly rollout?: unknown;
}

export async function loadVersionDetails(db: Kysely<Database>, service: string, version: string): Promise<VersionDetails> {
  const row = await db
    .selectFrom('versions')
    .selectAll()
    .where('service', '=', service)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) {
    const known = await db.selectFrom('services').select('name').where('name', '=', service).executeTakeFirst();
    throw new StepwiseError('NOT_FOUND', known ? `${service}@${version} is not published` : `service "${service}" does not exist`);
  }
  const content: NormalisedPublication['content'] = row.manifest === null ? { provides: [], consumes: [] } : JSON.parse(row.manifest);
  return {
    service: row.service,
    version: row.version,
    ...(row.branch === null ? {} : { branch: row.branch }),
    ...(row.commit_sha === null ? {} : { commit: row.commit_sha }),
    hasContracts: row.has_contracts === 1,
    ...(row.content_hash === null ? {} : { contentHash: row.content_hash }),
    publishedAt: row.published_at,
    ...content,
  };
}

export interface VersionSummary {
  readonly version: string;
  readonly hasContracts: boolean;
  readonly branch?: string;
  readonly commit?: string;
  readonly publishedAt: string;
}

/** Newest first. */
export async function listVersions(db: Kysely<Database>, service: string, limit = 100): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom('versions')
    .select(['version', 'has_contracts', 'branch', 'commit_sha', 'published_at'])
    .where('service', '=', service)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    version: row.version,
    hasContracts: row.has_contracts === 1,
    ...(row.branch === null ? {} : { branch: row.branch }),
    ...(row.commit_sha === null ? {} : { commit: row.commit_sha }),
    publishedAt: row.published_at,
  }));
}
