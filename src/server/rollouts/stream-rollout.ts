import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.ts';
import { getRollout, listRolloutEvents } from '../../rollout/runner/rollout-store.ts';
import { toRolloutView } from '../../rollout/runner/rollout-view.ts';
import { TERMINAL_PHASES } from '../../rollout/machine/rollout-status.ts';

const POLL_MS = 200;

/**
 * Streams a rollout as server-sent events. The runner may live in another process, so the stream
 * follows the store: it polls the rollout's revision and its events, and sends what changed.
 */
export async function streamRollout(db: Kysely<Database>, id: number, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let revision = -1;
  let lastEvent = 0;
  while (!closed) {
    const rollout = await getRollout(db, id);
    for (const event of await listRolloutEvents(db, id, lastEvent)) {
      send('transition', event);
      lastEvent = event.id;
    }
    if (rollout.revision !== revision) {
      revision = rollout.revision;
      send('rollout', toRolloutView(rollout));
    }
    if (TERMINAL_PHASES.has(rollout.status.phase)) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  raw.end();
}
