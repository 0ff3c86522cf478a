// The media store: POST /pictures { name, data (base64) } -> 201 { pictureId, url };
// GET /pictures/:id serves the bytes; GET /pictures/:id/meta answers { pictureId, url }.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listen, readJson, send } from '../../lib/http.js';

const dir = process.env.PICTURES_DIR ?? '.stepwise/examples/blog/pictures';
mkdirSync(dir, { recursive: true });
const meta = (pictureId) => ({ pictureId, url: `/pictures/${pictureId}` });

const server = createServer(async (req, res) => {
  if (req.url === '/healthz') return send(res, 200, { ok: true });
  if (req.method === 'POST' && req.url === '/pictures') {
    const { name, data } = (await readJson(req).catch(() => undefined)) ?? {};
    if (typeof name !== 'string' || typeof data !== 'string') return send(res, 400, { error: 'expected {"name": string, "data": base64 string}' });
    const bytes = Buffer.from(data, 'base64');
    const pictureId = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    writeFileSync(join(dir, pictureId), bytes);
    return send(res, 201, meta(pictureId));
  }
  const match = /^\/pictures\/(\w+)(\/meta)?$/.exec(req.url ?? '');
  if (!match || !existsSync(join(dir, match[1]))) return send(res, 404, { error: 'no such picture' });
  if (match[2]) return send(res, 200, meta(match[1]));
  res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(dir, match[1])));
});
listen(server);
