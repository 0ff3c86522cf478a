import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { carriesDataAtRest } from '../../model/interface-id.ts';
import { StepwiseError } from '../../model/errors.ts';
import { versionKey, type EnvironmentSnapshot, type LiveSpan, type LiveVersion, type PublishedVersion, type VersionCatalog } from '../../model/snapshot.ts';
import type { Database } from '../database.ts';
import type { LiveVersionRow } from '../tables/live-versions.ts';
import { loadFlagStates } from '../flags/load-flag-states.ts';
import { loadContracts } from '../read-models/load-contracts.ts';
import { contractHashesOf, toPublishedVersion } from '../read-models/to-published-version.ts';
import type { ContractSource } from '../../model/contract-source.ts';
import { InterfaceUsersCache } from './interface-users-cache.ts';

export interface DecisionFacts {
  readonly snapshot: EnvironmentSnapshot;
  readonly versions: VersionCatalog;
}

type SpanRow = Pick<LiveVersionRow, 'service' | 'version' | 'target' | 'mode' | 'since' | 'until'>;

const CHUNK = 300;
/** Contract documents kept parsed (a few KB each, most shared by many versions). */
const CONTRACT_CAPACITY = 8_000;

/**
 * The part of an environment one decision can see, read with a handful of indexed queries instead
 * of the whole environment: the candidate's own service, live versions that share an interface
 * with it, live versions without contracts (they make the answer unknown), and the history of
 * writers to the stores and topics it reads. Whatever is left out has no link to the candidate, so
 * `decide()` gives the same answer on this as on the full snapshot.
 *
 * Published versions with contracts are immutable, so they are kept across decisions: a warm server
 * reads only deployment spans per request, and the contract documents stay the same objects (their
 * hashes are computed once).
 */
export class DecisionFactsLoader {
  readonly #published = new Map<string, PublishedVersion>();
  readonly #interfaceUsers = new InterfaceUsersCache();
  readonly #contracts = new Map<string, ContractSource>();
  readonly #capacity: number;

  constructor(capacity = 50_000) {
    this.#capacity = capacity;
  }

  async load(db: Kysely<Database>, environment: string, candidate: { service: string; version: string }, at: Date): Promise<DecisionFacts> {
    const iso = at.toISOString();
    const spans = (where: (query: SpanQuery) => SpanQuery) =>
      where(db.selectFrom('live_versions as lv').select(SPAN_COLUMNS).where('lv.environment', '=', environment).where('lv.since', '<=', iso)).execute();
    // Queries that do not depend on each other go out together: on PostgreSQL each is a round trip.
    const [known, candidates, ownSpans, withoutContracts] = await Promise.all([
      db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst(),
      // A candidate not published yet is the core's to answer (unknown), so a pipeline can retry while it is published.
      this.#versions(db, [candidate]),
      spans((query) => query.where('lv.service', '=', candidate.service)),
      // The literal 0 (not a bound parameter) lets both databases use the partial index of 0011.
      db.selectFrom('versions').select(['service', 'version']).where('has_contracts', '=', sql.lit(0)).where('service', '!=', candidate.service).execute(),
      this.#interfaceUsers.refresh(db),
    ]);
    if (!known) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
    const versions = new Map<string, PublishedVersion>();
    const candidateVersion = candidates.get(versionKey(candidate.service, candidate.version));
    if (candidateVersion) versions.set(versionKey(candidate.service, candidate.version), candidateVersion);
    const own = await this.#versions(db, ownSpans);
    for (const [key, value] of own) versions.set(key, value);

    const interfaces = new Set<string>();
    for (const entry of [...(candidateVersion?.provides ?? []), ...(candidateVersion?.consumes ?? [])]) interfaces.add(entry.interface);
    for (const span of ownSpans) {
      if (span.until !== null && span.until <= iso) continue;
      for (const entry of own.get(versionKey(span.service, span.version))?.provides ?? []) interfaces.add(entry.interface);
    }
    const reads = (candidateVersion?.consumes ?? []).map((entry) => entry.interface).filter(carriesDataAtRest);

    // Two plain indexed lookups rather than one join: planners tend to start a join from the
    // environment's spans, which grows with the organisation; the interfaces side stays small.
    const linkedVersions = new Map<string, boolean>(); // service@version -> writes a store or topic the candidate reads
    const linkedSet = new Set<string>();
    const writerSet = new Set<string>();
    for (const [name, users] of await this.#interfaceUsers.usersOf(db, [...interfaces])) {
      const read = reads.includes(name);
      for (const user of users) {
        if (user.service === candidate.service) continue;
        linkedSet.add(user.service);
        const writes = read && user.role === 'provides';
        if (writes) writerSet.add(user.service);
        if (writes || !linkedVersions.has(user.key)) linkedVersions.set(user.key, writes || (linkedVersions.get(user.key) ?? false));
      }
    }
    const linkedServices = [...linkedSet];
    const writerServices = [...writerSet];
    const unknownKeys = new Set(withoutContracts.map((row) => versionKey(row.service, row.version)));
    const unknownServices = [...new Set(withoutContracts.map((row) => row.service))];
    const batches = await Promise.all([
      // Open now, or closed after `at` (then it was live at `at`; an empty range when `at` is now).
      ...chunks(linkedServices).map((slice) =>
        spans((query) => query.where((eb) => eb.or([eb('lv.until', 'is', null), eb('lv.until', '>', iso)])).where('lv.service', 'in', slice)),
      ),
      // Spans that ended matter for writers of what the candidate reads: their data is still there.
      ...chunks(writerServices).map((slice) => spans((query) => query.where('lv.until', 'is not', null).where('lv.service', 'in', slice))),
      ...chunks(unknownServices).map((slice) => spans((query) => query.where('lv.service', 'in', slice))),
    ]);
    const related = batches
      .flat()
      .filter((row) => linkedVersions.has(versionKey(row.service, row.version)) || unknownKeys.has(versionKey(row.service, row.version)));

    const all = [...ownSpans, ...dedupe(related)];
    for (const [key, value] of await this.#versions(db, all)) versions.set(key, value);

    const live: LiveVersion[] = [];
    const history: LiveSpan[] = [];
    for (const span of all) {
      const open = span.until === null || span.until > iso;
      if (open) live.push({ service: span.service, version: span.version, target: span.target, mode: span.mode, since: span.since });
      history.push({ service: span.service, version: span.version, from: span.since, ...(open ? {} : { to: span.until! }) });
    }
    history.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const flagged = [...versions.values()].some((version) => version.consumes.some((entry) => entry.flag !== undefined));
    const flags = flagged ? await loadFlagStates(db, environment, iso, live) : {};
    return { snapshot: { environment, at: iso, live, history, flags }, versions };
  }

  /** Published versions by key, from the cache where possible; versions without contracts are re-read (a publish may add them). */
  async #versions(db: Kysely<Database>, refs: readonly { service: string; version: string }[]): Promise<Map<string, PublishedVersion>> {
    const found = new Map<string, PublishedVersion>();
    const missing = new Map<string, { service: string; version: string }>();
    for (const ref of refs) {
      const key = versionKey(ref.service, ref.version);
      const cached = this.#published.get(key);
      if (cached) found.set(key, cached);
      else missing.set(key, { service: ref.service, version: ref.version });
    }
    if (missing.size === 0) return found;
    const keys = [...missing.values()];
    const rows: Parameters<typeof toPublishedVersion>[0][] = [];
    for (let start = 0; start < keys.length; start += CHUNK) {
      const slice = keys.slice(start, start + CHUNK);
      rows.push(
        ...(await db
          .selectFrom('versions')
          .select(['service', 'version', 'has_contracts', 'manifest', 'published_at'])
          .where((eb) => eb.or(slice.map((key) => eb.and([eb('service', '=', key.service), eb('version', '=', key.version)]))))
          .execute()),
      );
    }
    // Versions share most of their contracts: each document is read, parsed and hashed once.
    const contracts = new Map<string, ContractSource>();
    const wanted: string[] = [];
    for (const hash of rows.flatMap(contractHashesOf)) {
      const cached = this.#contracts.get(hash);
      if (cached) contracts.set(hash, cached);
      else wanted.push(hash);
    }
    for (const [hash, source] of await loadContracts(db, wanted)) {
      contracts.set(hash, source);
      if (this.#contracts.size >= CONTRACT_CAPACITY) this.#contracts.delete(this.#contracts.keys().next().value as string);
      this.#contracts.set(hash, source);
    }
    for (const row of rows) {
      const version = toPublishedVersion(row, contracts);
      const key = versionKey(row.service, row.version);
      found.set(key, version);
      if (!version.hasContracts) continue;
      if (this.#published.size >= this.#capacity) this.#published.delete(this.#published.keys().next().value as string);
      this.#published.set(key, version);
    }
    return found;
  }
}

const SPAN_COLUMNS = ['lv.service', 'lv.version', 'lv.target', 'lv.mode', 'lv.since', 'lv.until'] as const;

type SpanQuery = SelectQueryBuilder<Database & { lv: Database['live_versions'] }, 'lv', SpanRow>;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

function dedupe(rows: readonly SpanRow[]): SpanRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = [row.service, row.version, row.target, row.mode, row.since, row.until].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
