import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { LiveVersion } from '../../model/snapshot.ts';
import type { Database } from '../database.ts';
import { toLiveVersion } from './to-live-version.ts';

export interface ServiceStatus {
  readonly service: string;
  readonly owner?: string;
  /** Environment -> versions live there now (several during a rollout or on several targets). */
  readonly live: Record<string, LiveVersion[]>;
}

export interface StatusMatrix {
  /** In promotion order. */
  readonly environments: string[];
  readonly services: ServiceStatus[];
}

/** Services x environments with what is live in each, now. */
export async function loadStatusMatrix(db: Kysely<Database>, environment?: string): Promise<StatusMatrix> {
  let environments = (await db.selectFrom('environments').select('name').orderBy('position').orderBy('name').execute()).map((row) => row.name);
  if (environment !== undefined) {
    if (!environments.includes(environment)) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/env' });
    environments = [environment];
  }
  const services = await db.selectFrom('services').select(['name', 'owner']).orderBy('name').execute();
  let spans = db
    .selectFrom('live_versions')
    .select(['environment', 'service', 'version', 'target', 'mode', 'since'])
    .where('until', 'is', null)
    .orderBy('id');
  if (environment !== undefined) spans = spans.where('environment', '=', environment);
  const live = new Map<string, Record<string, LiveVersion[]>>();
  for (const span of await spans.execute()) {
    const byEnvironment = live.get(span.service) ?? {};
    (byEnvironment[span.environment] ??= []).push(toLiveVersion(span));
    live.set(span.service, byEnvironment);
  }
  return {
    environments,
    services: services.map((row) => ({ service: row.name, ...(row.owner === null ? {} : { owner: row.owner }), live: live.get(row.name) ?? {} })),
  };
}
