import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { LiveVersion } from '../../model/snapshot.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';
import type { LiveVersionRow } from '../tables/live-versions.ts';
import { toLiveVersion } from '../read-models/to-live-version.ts';

/** `deployed` replaces what ran on the target; `released` accumulates; `undeployed` ends a version. Other kinds are only logged. */
export type DeploymentKind = 'deployed' | 'released' | 'undeployed' | (string & {});

export const DEFAULT_TARGET = 'default';

export interface DeploymentRecord {
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  /** Where it runs inside the environment (instance, region, app store); `default` when omitted. For `undeployed`, omitted means every target. */
  readonly target?: string;
  readonly kind: DeploymentKind;
  readonly actor: string;
  /** ISO timestamp; defaults to now. */
  readonly at?: string;
  readonly data?: unknown;
}

export interface RecordedDeployment {
  readonly id: number;
  readonly at: string;
  /** The service's live versions in the environment after this event. */
  readonly live: LiveVersion[];
}

/**
 * Appends a deployment event and updates the live versions it implies, with its audit event, all in
 * `trx`. Call it inside `withEnvironmentLock` so concurrent records for one environment serialise.
 * A version the registry has not seen is recorded without contracts (its compatibility is unknown).
 */
export async function recordDeployment(trx: Kysely<Database>, record: DeploymentRecord): Promise<RecordedDeployment> {
  const at = record.at ?? new Date().toISOString();
  const service = await trx.selectFrom('services').select('name').where('name', '=', record.service).executeTakeFirst();
  if (!service) throw new StepwiseError('NOT_FOUND', `service "${record.service}" does not exist: publish it first`, { pointer: '/service' });
  const environment = await trx.selectFrom('environments').select('name').where('name', '=', record.environment).executeTakeFirst();
  if (!environment) throw new StepwiseError('NOT_FOUND', `environment "${record.environment}" does not exist`, { pointer: '/environment' });

  await trx
    .insertInto('versions')
    .values({ service: record.service, version: record.version, has_contracts: 0, branch: null, commit_sha: null, content_hash: null, manifest: null, published_at: at })
    .onConflict((conflict) => conflict.columns(['service', 'version']).doNothing())
    .execute();

  const before = await openSpans(trx, record.environment, record.service);
  const target = record.target ?? DEFAULT_TARGET;
  const event = await trx
    .insertInto('deployment_events')
    .values({
      environment: record.environment,
      service: record.service,
      version: record.version,
      target: record.kind === 'undeployed' && record.target === undefined ? '*' : target,
      kind: record.kind,
      actor: record.actor,
      at,
      data: record.data === undefined ? null : JSON.stringify(record.data),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const close = async (ids: number[]) => {
    if (ids.length === 0) return;
    await trx.updateTable('live_versions').set({ until: at, until_event: event.id }).where('id', 'in', ids).execute();
  };
  const open = async (mode: 'deployed' | 'released') => {
    await trx
      .insertInto('live_versions')
      .values({ environment: record.environment, service: record.service, version: record.version, target, mode, since: at, until: null, since_event: event.id, until_event: null })
      .execute();
  };

  if (record.kind === 'deployed') {
    const onTarget = before.filter((span) => span.target === target);
    const same = onTarget.find((span) => span.version === record.version && span.mode === 'deployed');
    await close(onTarget.filter((span) => span !== same).map((span) => span.id));
    if (!same) await open('deployed');
  } else if (record.kind === 'released') {
    if (!before.some((span) => span.target === target && span.version === record.version)) await open('released');
  } else if (record.kind === 'undeployed') {
    const ending = before.filter((span) => span.version === record.version && (record.target === undefined || span.target === record.target));
    if (ending.length === 0) {
      const where = record.target === undefined ? '' : ` on target "${record.target}"`;
      throw new StepwiseError('NOT_FOUND', `${record.service}@${record.version} is not live in ${record.environment}${where}`, { pointer: '/version' });
    }
    await close(ending.map((span) => span.id));
  }

  const after = await openSpans(trx, record.environment, record.service);
  await recordAudit(trx, {
    actor: record.actor,
    action: `deployment.${record.kind}`,
    subject: `environment:${record.environment}`,
    at,
    data: { service: record.service, version: record.version, target: record.target ?? (record.kind === 'undeployed' ? '*' : target), event: event.id, live: after.map(describe) },
    previous: { live: before.map(describe) },
  });
  return { id: event.id, at, live: after.map(toLiveVersion) };
}

function openSpans(trx: Kysely<Database>, environment: string, service: string): Promise<LiveVersionRow[]> {
  return trx
    .selectFrom('live_versions')
    .selectAll()
    .where('environment', '=', environment)
    .where('service', '=', service)
    .where('until', 'is', null)
    .orderBy('id')
    .execute();
}

function describe(span: LiveVersionRow): string {
  return `${span.version}@${span.target}${span.mode === 'released' ? ' (released)' : ''}`;
}
