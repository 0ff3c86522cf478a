import type { Kysely } from 'kysely';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../database.ts';

export interface DeploymentEvent {
  readonly id: number;
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  /** `*` for an undeployment from every target. */
  readonly target: string;
  readonly kind: string;
  readonly actor: string;
  readonly at: string;
  readonly data?: unknown;
}

export interface DeploymentEventFilter {
  readonly service?: string;
  /** Only events with a smaller id (paging backwards). */
  readonly before?: number;
  readonly limit?: number;
}

/** An environment's deployment events, newest first. NOT_FOUND when the environment does not exist. */
export async function listDeploymentEvents(db: Kysely<Database>, environment: string, filter: DeploymentEventFilter = {}): Promise<DeploymentEvent[]> {
  const known = await db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
  if (!known) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
  let query = db.selectFrom('deployment_events').selectAll().where('environment', '=', environment).orderBy('id', 'desc').limit(filter.limit ?? 100);
  if (filter.service) query = query.where('service', '=', filter.service);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.execute();
  return rows.map(({ data, ...row }) => ({ ...row, ...(data === null ? {} : { data: JSON.parse(data) as unknown }) }));
}
