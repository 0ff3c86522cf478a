import type { Kysely } from 'kysely';
import { normalisePublication } from '../../src/manifest/normalise-publication.ts';
import { contractHash } from '../../src/model/contract-hash.ts';
import type { ContractSource } from '../../src/model/contract-source.ts';
import type { Database } from '../../src/store/database.ts';
import { interfaceRow } from '../../src/store/registry/publish-version.ts';
import { contractRow } from '../../src/store/registry/store-contracts.ts';
import type { NewContractRow } from '../../src/store/tables/contracts.ts';
import type { NewVersionRow } from '../../src/store/tables/versions.ts';
import type { NewVersionInterfaceRow } from '../../src/store/tables/version-interfaces.ts';
import { writeTransaction } from '../../src/store/write-transaction.ts';
import { publicationOf, serviceName, sharedEvents, versionName, type RegistryShape } from './synthetic-registry.ts';

export const ENVIRONMENTS = ['dev', 'staging', 'production'] as const;
const SERVICES_PER_BATCH = 40;
const ROWS_PER_INSERT = 500;

export interface SeedFigures {
  readonly versions: number;
  readonly contracts: number;
  readonly interfaces: number;
  readonly liveSpans: number;
  readonly seconds: number;
}

/**
 * Fills the store with the rows `stepwise publish` and `record-deployment` would write (same
 * normalisation, same row builders), inserted in large batches so 100k versions take minutes, not hours.
 * Audit events are not written: they are never read by the lookups measured.
 */
export async function seedRegistry(db: Kysely<Database>, shape: RegistryShape, progress: (text: string) => void): Promise<SeedFigures> {
  const started = performance.now();
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
  const memo = new WeakMap<ContractSource, string>();
  const hash = (source: ContractSource) => {
    let known = memo.get(source);
    if (known === undefined) memo.set(source, (known = contractHash(source)));
    return known;
  };
  const events = sharedEvents(shape);
  const stored = new Set<string>();
  let contracts = 0;
  let interfaces = 0;

  for (const [position, name] of ENVIRONMENTS.entries()) {
    await db.insertInto('environments').values({ name, position, description: null, created_at: at(0) }).execute();
  }

  for (let first = 0; first < shape.services; first += SERVICES_PER_BATCH) {
    const last = Math.min(first + SERVICES_PER_BATCH, shape.services);
    await writeTransaction(db, async (trx) => {
      const contractRows: NewContractRow[] = [];
      const versionRows: NewVersionRow[] = [];
      const contents: ReturnType<typeof normalisePublication>['content'][] = [];
      await insertChunks(trx, 'services', range(first, last).map((service) => ({ name: serviceName(service), owner: `team-${service % 120}`, description: null, created_at: at(0), updated_at: at(0) })));
      for (const service of range(first, last)) {
        let revisionCache: { revision: number; source: ContractSource } | undefined;
        for (let version = 0; version < shape.versions; version++) {
          const publication = publicationOf(shape, service, version, events);
          // Reuse the same source object for one contract revision, so its hash is computed once.
          const revision = Math.floor(version / shape.contractEvery);
          const provided = publication.provides[0]!;
          if (revisionCache?.revision === revision) publication.provides[0] = { ...provided, contract: revisionCache.source };
          else revisionCache = { revision, source: provided.contract! };
          const normalised = normalisePublication(publication, hash);
          for (const [address, source] of normalised.contracts) {
            if (stored.has(address)) continue;
            stored.add(address);
            contractRows.push(contractRow(address, source, at(version)));
          }
          contents.push(normalised.content);
          versionRows.push({
            service: serviceName(service),
            version: versionName(version),
            branch: 'main',
            commit_sha: null,
            has_contracts: 1,
            content_hash: normalised.contentHash,
            manifest: JSON.stringify(normalised.content),
            published_at: at(service + version * 60),
          });
        }
      }
      await insertChunks(trx, 'contracts', contractRows);
      contracts += contractRows.length;
      const ids = await insertVersions(trx, versionRows);
      const rows: NewVersionInterfaceRow[] = [];
      ids.forEach((id, index) => {
        const content = contents[index]!;
        [...content.provides, ...content.consumes].forEach((entry, position) => rows.push(interfaceRow(id, entry, position)));
      });
      await insertChunks(trx, 'version_interfaces', rows);
      interfaces += rows.length;
    });
    if ((last / SERVICES_PER_BATCH) % 10 === 0 || last === shape.services) progress(`  ${last * shape.versions} versions`);
  }

  const liveSpans = await seedDeployments(db, shape, at);
  return { versions: shape.services * shape.versions, contracts, interfaces, liveSpans, seconds: (performance.now() - started) / 1000 };
}

/**
 * Each environment runs an older version the further it is from dev, after a previous deployment
 * (a closed span); one service in ten also has a second version released next to it.
 */
async function seedDeployments(db: Kysely<Database>, shape: RegistryShape, at: (minutes: number) => string): Promise<number> {
  let spans = 0;
  for (const [position, environment] of ENVIRONMENTS.entries()) {
    for (let first = 0; first < shape.services; first += 500) {
      await writeTransaction(db, async (trx) => {
        const plan = range(first, Math.min(first + 500, shape.services)).flatMap((service) => {
          const current = Math.max(0, shape.versions - 1 - position * 5);
          const steps: { service: number; version: number; kind: 'deployed' | 'released'; target: string; minute: number }[] = [
            { service, version: Math.max(0, current - 1), kind: 'deployed', target: 'default', minute: 100_000 },
            { service, version: current, kind: 'deployed', target: 'default', minute: 200_000 },
          ];
          if (service % 10 === 0) steps.push({ service, version: Math.max(0, current - 2), kind: 'released', target: 'app-store', minute: 150_000 });
          return steps;
        });
        const eventIds: number[] = [];
        for (let start = 0; start < plan.length; start += ROWS_PER_INSERT) {
          const inserted = await trx
            .insertInto('deployment_events')
            .values(
              plan.slice(start, start + ROWS_PER_INSERT).map((step) => ({
                environment,
                service: serviceName(step.service),
                version: versionName(step.version),
                target: step.target,
                kind: step.kind,
                actor: 'bench',
                at: at(step.minute),
                data: null,
              })),
            )
            .returning('id')
            .execute();
          eventIds.push(...inserted.map((row) => row.id).sort((a, b) => a - b));
        }
        const rows = plan.map((step, index) => {
          // The first deployment of a service on `default` was replaced by the second one.
          const replacedBy = step.kind === 'deployed' && step.minute === 100_000 ? eventIds[index + 1]! : null;
          return {
            environment,
            service: serviceName(step.service),
            version: versionName(step.version),
            target: step.target,
            mode: step.kind,
            since: at(step.minute),
            until: replacedBy === null ? null : at(200_000),
            since_event: eventIds[index]!,
            until_event: replacedBy,
          };
        });
        await insertChunks(trx, 'live_versions', rows);
        spans += rows.length;
      });
    }
  }
  return spans;
}

/** Inserts versions and returns their ids in the order given (RETURNING order is not guaranteed, so match by key). */
async function insertVersions(trx: Kysely<Database>, rows: NewVersionRow[]): Promise<number[]> {
  const byKey = new Map<string, number>();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const inserted = await trx.insertInto('versions').values(rows.slice(start, start + ROWS_PER_INSERT)).returning(['id', 'service', 'version']).execute();
    for (const row of inserted) byKey.set(`${row.service}@${row.version}`, row.id);
  }
  return rows.map((row) => byKey.get(`${row.service}@${row.version}`)!);
}

async function insertChunks<T extends 'services' | 'contracts' | 'version_interfaces' | 'live_versions'>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly import('kysely').Insertable<Database[T]>[],
): Promise<void> {
  // Contracts are large: smaller batches keep each statement well under the databases' limits.
  const size = table === 'contracts' ? 50 : ROWS_PER_INSERT;
  for (let start = 0; start < rows.length; start += size) {
    // The cast is Kysely's: a table name held in a type parameter cannot pick the row type by itself.
    await trx.insertInto(table).values(rows.slice(start, start + size) as never).execute();
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}
