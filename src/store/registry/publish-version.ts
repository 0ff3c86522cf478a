import type { Kysely } from 'kysely';
import { describeDifferences } from '../../manifest/describe-differences.ts';
import type { NormalisedInterface, NormalisedPublication } from '../../manifest/normalise-publication.ts';
import { StepwiseError } from '../../model/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import type { NewVersionInterfaceRow } from '../tables/version-interfaces.ts';
import { writeTransaction } from '../write-transaction.ts';
import { storeContracts } from './store-contracts.ts';

export interface PublishInput {
  readonly service: string;
  readonly version: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly normalised: NormalisedPublication;
  readonly actor: string;
  readonly at?: string;
}

export interface PublishResult {
  /** `created`: new version; `unchanged`: same content was already published (a no-op). */
  readonly status: 'created' | 'unchanged';
  readonly service: string;
  readonly version: string;
  readonly contentHash: string;
  readonly contracts: string[];
}

/**
 * Records a version with its contracts in one transaction. Versions are immutable: the same
 * content again is a no-op, different content is a CONFLICT naming what differs. A version that
 * was only seen in a deployment record gets its contracts here.
 */
export async function publishVersion(db: Kysely<Database>, input: PublishInput): Promise<PublishResult> {
  const at = input.at ?? new Date().toISOString();
  const { normalised } = input;
  const result = (status: PublishResult['status']): PublishResult => ({
    status,
    service: input.service,
    version: input.version,
    contentHash: normalised.contentHash,
    contracts: [...normalised.contracts.keys()],
  });

  // Two first publishes of one version can race on PostgreSQL; the loser retries and then
  // sees the winner's row (same content: unchanged; other content: conflict).
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, input, at, result);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Whether the database refused a row because its key exists (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

async function publishOnce(db: Kysely<Database>, input: PublishInput, at: string, result: (status: PublishResult['status']) => PublishResult): Promise<PublishResult> {
  const { normalised } = input;
  return writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('versions')
      .select(['id', 'has_contracts', 'content_hash', 'manifest'])
      .where('service', '=', input.service)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (existing && existing.has_contracts === 1) {
      if (existing.content_hash === normalised.contentHash) return result('unchanged');
      const differences = describeDifferences(JSON.parse(existing.manifest ?? '{}'), normalised.content);
      throw new StepwiseError(
        'CONFLICT',
        `${input.service}@${input.version} is already published with different content: ${differences.join('; ')}`,
        { pointer: '/version' },
        { differences },
      );
    }

    await upsertService(trx, input, at);
    await storeContracts(trx, normalised.contracts, at);
    const manifest = JSON.stringify(normalised.content);
    const values = {
      branch: input.branch ?? null,
      commit_sha: input.commit ?? null,
      has_contracts: 1,
      content_hash: normalised.contentHash,
      manifest,
      published_at: at,
    };
    let versionId: number;
    if (existing) {
      await trx.updateTable('versions').set(values).where('id', '=', existing.id).execute();
      versionId = existing.id;
    } else {
      const inserted = await trx
        .insertInto('versions')
        .values({ service: input.service, version: input.version, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      versionId = inserted.id;
    }
    const rows = [...normalised.content.provides, ...normalised.content.consumes].map((entry, index) => interfaceRow(versionId, entry, index));
    if (rows.length > 0) await trx.insertInto('version_interfaces').values(rows).execute();

    await recordAudit(trx, {
      actor: input.actor,
      action: 'version.published',
      subject: `service:${input.service}@${input.version}`,
      at,
      data: { contentHash: normalised.contentHash, branch: input.branch, commit: input.commit, contracts: [...normalised.contracts.keys()] },
    });
    return result('created');
  });
}

async function upsertService(trx: Kysely<Database>, input: PublishInput, at: string): Promise<void> {
  const { owner, description } = input.normalised.content;
  const current = await trx.selectFrom('services').select(['owner', 'description']).where('name', '=', input.service).executeTakeFirst();
  const next = { owner: owner ?? null, description: description ?? null };
  if (!current) {
    await trx.insertInto('services').values({ name: input.service, ...next, created_at: at, updated_at: at }).execute();
    await recordAudit(trx, { actor: input.actor, action: 'service.created', subject: `service:${input.service}`, at, data: next });
  } else if (current.owner !== next.owner || current.description !== next.description) {
    await trx.updateTable('services').set({ ...next, updated_at: at }).where('name', '=', input.service).execute();
    await recordAudit(trx, { actor: input.actor, action: 'service.updated', subject: `service:${input.service}`, at, data: next, previous: current });
  }
}

export function interfaceRow(versionId: number, entry: NormalisedInterface, position: number): NewVersionInterfaceRow {
  const extra = { ...(entry.retention === undefined ? {} : { retention: entry.retention }), ...(entry.sync === undefined ? {} : { sync: entry.sync }) };
  return {
    version_id: versionId,
    role: entry.role,
    position,
    interface: entry.interface,
    kind: entry.kind,
    contract_hash: entry.contract ?? null,
    formats: entry.formats === undefined ? null : JSON.stringify(entry.formats),
    operations: entry.operations === undefined ? null : JSON.stringify(entry.operations),
    required: entry.required ? 1 : 0,
    flag: entry.flag ?? null,
    retention_ms: entry.retentionMs ?? null,
    extra: Object.keys(extra).length === 0 ? null : JSON.stringify(extra),
  };
}
