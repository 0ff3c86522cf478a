import type { Kysely } from 'kysely';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import type { PublishedVersion } from '../../../src/model/snapshot.ts';
import { normalisePublication } from '../../../src/manifest/normalise-publication.ts';
import type { Publication } from '../../../src/manifest/publication.ts';
import type { Database } from '../../../src/store/database.ts';
import { recordDeployment } from '../../../src/store/deployments/record-deployment.ts';
import { withEnvironmentLock } from '../../../src/store/environment-lock.ts';
import { changeFlag } from '../../../src/store/flags/change-flag.ts';
import { createFlag } from '../../../src/store/flags/create-flag.ts';
import { createEnvironment } from '../../../src/store/registry/environments.ts';
import { publishVersion } from '../../../src/store/registry/publish-version.ts';
import type { Scenario } from './scenario.ts';

const ACTOR = 'scenario-seed';
/** Where versions published without contracts get their record: they never ran in the scenario's environment. */
const ELSEWHERE = 'elsewhere';

/**
 * Replays a scenario into a real store the way its history happened: publish every version, then
 * the deployments and undeployments in time order, then the flags. Names get `prefix` so many
 * scenarios share one database (each in its own environment) without colliding.
 */
export async function seedScenario(db: Kysely<Database>, scenario: Scenario, prefix: string): Promise<string> {
  const environment = `${prefix}env`;
  await createEnvironment(db, { name: environment, actor: ACTOR });
  if (!(await db.selectFrom('environments').select('name').where('name', '=', ELSEWHERE).executeTakeFirst())) {
    await createEnvironment(db, { name: ELSEWHERE, actor: ACTOR });
  }
  const name = (service: string) => `${prefix}${service}`;
  const flag = (text: string) => `${prefix}${text}`;

  for (const version of scenario.published) {
    if (!version.hasContracts) continue;
    await publishVersion(db, {
      service: name(version.service),
      version: version.version,
      normalised: normalisePublication(publicationOf(version, flag)),
      actor: ACTOR,
      at: version.publishedAt,
    });
  }
  for (const version of scenario.published) {
    if (version.hasContracts) continue;
    const exists = await db.selectFrom('services').select('name').where('name', '=', name(version.service)).executeTakeFirst();
    if (!exists) {
      await publishVersion(db, {
        service: name(version.service),
        version: 'seed',
        normalised: normalisePublication({ version: 'seed', provides: [], consumes: [] }),
        actor: ACTOR,
        at: version.publishedAt,
      });
    }
    await withEnvironmentLock(db, ELSEWHERE, (trx) =>
      recordDeployment(trx, { environment: ELSEWHERE, service: name(version.service), version: version.version, kind: 'deployed', actor: ACTOR, at: version.publishedAt }),
    );
  }

  type Event = { at: string; order: number; service: string; version: string; target: string; kind: 'deployed' | 'released' | 'undeployed' };
  const events: Event[] = [];
  for (const live of scenario.snapshot.live) {
    events.push({ at: live.since, order: 1, service: live.service, version: live.version, target: live.target, kind: live.mode });
  }
  scenario.snapshot.history.forEach((span, index) => {
    if (span.to === undefined) return; // open spans are the live entries above
    const target = `history-${index}`;
    events.push({ at: span.from, order: 1, service: span.service, version: span.version, target, kind: 'deployed' });
    events.push({ at: span.to, order: 0, service: span.service, version: span.version, target, kind: 'undeployed' });
  });
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  for (const event of events) {
    const exists = await db.selectFrom('services').select('name').where('name', '=', name(event.service)).executeTakeFirst();
    if (!exists) throw new Error(`${scenario.file}: ${event.service}@${event.version} is deployed but never listed under versions`);
    await withEnvironmentLock(db, environment, (trx) =>
      recordDeployment(trx, { environment, service: name(event.service), version: event.version, target: event.target, kind: event.kind, actor: ACTOR, at: event.at }),
    );
  }

  const flagAt = new Date(Date.parse(scenario.snapshot.at) - 3_600_000).toISOString();
  for (const [text, on] of Object.entries(scenario.snapshot.flags)) {
    await createFlag(db, { name: flag(text), environments: [environment], actor: ACTOR, at: flagAt });
    if (on) await changeFlag(db, { name: flag(text), environment, change: { kind: 'enable' }, actor: ACTOR, reason: 'scenario', at: flagAt });
  }
  return environment;
}

function publicationOf(version: PublishedVersion, flag: (text: string) => string): Publication {
  const sources = (entry: { contract?: ContractSource; formats?: Readonly<Record<string, ContractSource>> }) => ({
    ...(entry.contract ? { contract: { ...entry.contract, files: { ...entry.contract.files } } } : {}),
    ...(entry.formats
      ? { formats: Object.fromEntries(Object.entries(entry.formats).map(([type, source]) => [type, { ...source, files: { ...source.files } }])) }
      : {}),
  });
  return {
    version: version.version,
    provides: version.provides.map((entry) => ({
      interface: entry.interface,
      kind: entry.kind,
      ...sources(entry),
      ...(entry.retentionMs !== undefined ? { retention: `${entry.retentionMs}ms` } : {}),
    })),
    consumes: version.consumes.map((entry) => ({
      interface: entry.interface,
      kind: entry.kind,
      ...sources(entry),
      ...(entry.operations ? { operations: [...entry.operations] } : {}),
      required: entry.required,
      ...(entry.flag ? { flag: flag(entry.flag) } : {}),
    })),
  };
}
