// The results data store: PUT /results/:id {reportId, content}; GET /results/:id. Kept as files,
// so results survive a restart or a new version of the store.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listen, readJson, send } from '../../lib/http.js';

const dir = process.env.RESULTS_DIR ?? '.stepwise/examples/lutz/results';
mkdirSync(dir, { recursive: true });

const server = createServer(async (req, res) => {
  if (req.url === '/healthz') return send(res, 200, { ok: true });
  if (req.url === '/results') return send(res, 200, { count: readdirSync(dir).length });
  const match = /^\/results\/([\w-]+)$/.exec(req.url ?? '');
  if (!match) return send(res, 404, { error: 'try /results/<id>' });
  const file = join(dir, `${match[1]}.json`);
  if (req.method === 'PUT') {
    const result = await readJson(req).catch(() => undefined);
    if (typeof result?.content !== 'string') return send(res, 400, { error: 'expected {"reportId": string, "content": string}' });
    writeFileSync(file, JSON.stringify({ reportId: match[1], content: result.content }));
    return send(res, 204);
  }
  if (!existsSync(file)) return send(res, 404, { error: `no result for ${match[1]} yet` });
  send(res, 200, JSON.parse(readFileSync(file, 'utf8')));
});
listen(server);
