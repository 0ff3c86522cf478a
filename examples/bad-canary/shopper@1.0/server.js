// Shoppers: a steady stream of price look-ups through the prices gateway, the traffic a canary
// is judged on. GET /stats counts answers by version and the errors seen.
import { createServer } from 'node:http';

const PRICES = process.env.PRICES_URL ?? 'http://127.0.0.1:4451';
const perSecond = Number(process.env.REQUESTS_PER_SECOND ?? 40);
const stats = { ok: 0, errors: 0, byVersion: {} };
let n = 0;

const timer = setInterval(async () => {
  try {
    const response = await fetch(`${PRICES}/prices/sku-${n++ % 50}`, { signal: AbortSignal.timeout(2000) });
    const body = await response.json();
    if (response.status === 200) {
      stats.ok++;
      stats.byVersion[body.version] = (stats.byVersion[body.version] ?? 0) + 1;
    } else stats.errors++;
  } catch {
    stats.errors++;
  }
}, 1000 / perSecond);

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.writeHead(200).end('ok');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats) + '\n');
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  clearInterval(timer);
  server.close(() => process.exit(0));
});
