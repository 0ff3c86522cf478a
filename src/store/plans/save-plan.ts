import type { Kysely } from 'kysely';
import type { Plan, PlanTarget } from '../../plan/plan.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Database } from '../database.ts';

export interface SavePlanInput {
  readonly environments: readonly string[];
  readonly targets: readonly PlanTarget[];
  readonly plan: Plan;
  readonly actor: string;
  readonly at: string;
}

/** Stores a plan and its steps (all pending) with an audit event, in the caller's transaction. */
export async function savePlan(trx: Kysely<Database>, input: SavePlanInput): Promise<number> {
  const outcome = input.plan.lockstep.length > 0 ? 'blocked' : 'ready';
  const row = await trx
    .insertInto('plans')
    .values({
      environments: JSON.stringify(input.environments),
      targets: JSON.stringify(input.targets),
      plan: JSON.stringify(input.plan),
      outcome,
      created_by: input.actor,
      created_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const steps = input.plan.steps.map((step, i) => ({
    plan_id: row.id,
    position: i + 1,
    environment: step.environment ?? input.environments[0] ?? '',
    action: step.action,
    service: step.service ?? null,
    version: step.version ?? null,
    flag: step.flag ?? null,
    status: 'pending',
    updated_at: input.at,
  }));
  // Chunked so a plan of hundreds of steps stays under every database's parameter limit.
  for (let start = 0; start < steps.length; start += 200) await trx.insertInto('plan_steps').values(steps.slice(start, start + 200)).execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: 'plan.create',
    subject: `plan:${row.id}`,
    at: input.at,
    data: { environments: input.environments, targets: input.targets, outcome, steps: steps.length, lockstep: input.plan.lockstep.map((group) => group.services) },
  });
  return row.id;
}
