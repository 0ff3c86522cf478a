import type { Kysely } from 'kysely';
import type { DeliveryFacts, DeploymentFact, RolloutOutcome } from '../../insights/delivery-facts.ts';
import { StepwiseError } from '../../model/errors.ts';
import type { Database } from '../database.ts';

const KINDS = ['deployed', 'released', 'undeployed'] as const;
const TERMINAL = new Set(['succeeded', 'rolled-back']);

/**
 * The deployment history of an environment up to `until`, with the outcome of every rollout in it
 * and the publish time of every version it deployed. Earlier history is loaded too: whether a
 * deployment in a period is a version's first, or a revert, depends on what came before.
 * NOT_FOUND when the environment does not exist.
 */
export async function loadDeliveryFacts(db: Kysely<Database>, environment: string, until: Date): Promise<DeliveryFacts> {
  const known = await db.selectFrom('environments').select('name').where('name', '=', environment).executeTakeFirst();
  if (!known) throw new StepwiseError('NOT_FOUND', `environment "${environment}" does not exist`, { pointer: '/environment' });
  const end = until.getTime();

  // Times are compared after parsing, not in SQL: recorded times are ISO strings but not
  // necessarily all in one offset, so their text order is not their time order.
  const rows = await db
    .selectFrom('deployment_events')
    .select(['service', 'version', 'kind', 'at', 'data'])
    .where('environment', '=', environment)
    .where('kind', 'in', [...KINDS])
    .orderBy('id')
    .execute();
  const events: DeploymentFact[] = [];
  for (const row of rows) {
    const at = Date.parse(row.at);
    if (Number.isNaN(at) || at > end) continue;
    const rollout = rolloutOf(row.data);
    events.push({ service: row.service, version: row.version, kind: row.kind as DeploymentFact['kind'], at, ...(rollout === undefined ? {} : { rollout }) });
  }

  const rollouts: RolloutOutcome[] = (
    await db.selectFrom('rollouts').select(['id', 'phase', 'status', 'updated_at']).where('environment', '=', environment).orderBy('id').execute()
  ).map((row) => ({ id: row.id, phase: row.phase, finishedAt: finishedAt(row.phase, row.status, row.updated_at) }));

  const services = [...new Set(events.map((event) => event.service))];
  const published =
    services.length === 0
      ? []
      : (
          await db
            .selectFrom('versions')
            .select(['service', 'version', 'published_at'])
            .where('service', 'in', services)
            .where('has_contracts', '=', 1)
            .execute()
        ).map((row) => ({ service: row.service, version: row.version, at: Date.parse(row.published_at) }));
  return { events, rollouts, published };
}

/** The rollout that recorded an event: its data is `{ rollout: id, transition }`. */
function rolloutOf(data: string | null): number | undefined {
  if (data === null) return undefined;
  try {
    const parsed = JSON.parse(data) as { rollout?: unknown } | null;
    return typeof parsed?.rollout === 'number' ? parsed.rollout : undefined;
  } catch {
    // Event data is free-form from `record-deployment --data`; what does not parse names no rollout.
    return undefined;
  }
}

/** When a rollout ended: its status says so; a final row without it ended at its last write. */
function finishedAt(phase: string, status: string, updatedAt: string): number | null {
  if (!TERMINAL.has(phase)) return null;
  const recorded = (JSON.parse(status) as { finishedAt?: string | null }).finishedAt;
  const at = Date.parse(recorded ?? updatedAt);
  return Number.isNaN(at) ? null : at;
}
