// The message queue: named FIFO queues over HTTP. POST /queues/:name/messages {queue, body}
// enqueues; POST /queues/:name/take dequeues one (204 when empty); GET /queues/:name shows depth.
import { createServer } from 'node:http';
import { listen, readJson, send } from '../../lib/http.js';

const queues = new Map();
const queue = (name) => queues.get(name) ?? queues.set(name, { messages: [], enqueued: 0 }).get(name);

const server = createServer(async (req, res) => {
  if (req.url === '/healthz') return send(res, 200, { ok: true });
  const match = /^\/queues\/([\w-]+)(\/messages|\/take)?$/.exec(req.url ?? '');
  if (!match) return send(res, 404, { error: 'try /queues/<name>' });
  const q = queue(match[1]);
  if (req.method === 'POST' && match[2] === '/messages') {
    const envelope = await readJson(req).catch(() => undefined);
    if (typeof envelope?.body !== 'string') return send(res, 400, { error: 'expected {"queue": string, "body": string}' });
    q.messages.push(envelope);
    q.enqueued++;
    return send(res, 202, { depth: q.messages.length });
  }
  if (req.method === 'POST' && match[2] === '/take') {
    const next = q.messages.shift();
    return next ? send(res, 200, next) : send(res, 204);
  }
  send(res, 200, { queue: match[1], depth: q.messages.length, enqueued: q.enqueued });
});
listen(server);
