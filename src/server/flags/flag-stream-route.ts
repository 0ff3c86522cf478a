import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { FlagSnapshot } from '../../flags/evaluate/flag-set.ts';
import { loadFlagSnapshot } from '../../store/flags/load-flag-snapshot.ts';
import { COMMON_ERRORS } from '../schemas/error-schema.ts';
import { EnvironmentName } from '../schemas/names.ts';
import type { FlagStreamHub } from './flag-stream-hub.ts';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /environments/:environment/flags/stream`: server-sent events. The first event is the full
 * snapshot; every change to the environment's flags (or to a live version a condition reads) sends
 * the next full snapshot, so a client never has to merge. Comments keep proxies from timing out.
 */
export function flagStreamRoute(app: FastifyInstance, hub: FlagStreamHub): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
    open.clear();
  });

  app.get<{ Params: { environment: string } }>(
    '/environments/:environment/flags/stream',
    {
      schema: {
        tags: ['flags'],
        summary: 'Server-sent events: the snapshot now, then again on every change',
        params: Type.Object({ environment: EnvironmentName }),
        response: { 200: { description: 'text/event-stream of `snapshot` events', content: { 'text/event-stream': { schema: Type.String() } } }, ...COMMON_ERRORS },
      },
    },
    async (request, reply: FastifyReply) => {
      const { environment } = request.params;
      // fails with NOT_FOUND before the stream starts, so the client gets an ordinary error response
      await loadFlagSnapshot(app.store.db, environment);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.socket?.setNoDelay(true);
      open.add(response);
      const send = (snapshot: FlagSnapshot) => {
        response.write(`id: ${snapshot.revision}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
      };
      const unsubscribe = await hub.subscribe(environment, send);
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(response);
      });
    },
  );
}
