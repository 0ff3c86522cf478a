// The prices service: GET /prices/:sku -> { sku, price, version }. FAILURE_EVERY=n makes every
// n-th request answer 500, the way a bad release fails a share of its traffic.
import { createServer } from 'node:http';

export function startPrices({ version, failureEvery = 0 }) {
  let served = 0;
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200).end('ok');
    const match = /^\/prices\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    served++;
    if (failureEvery > 0 && served % failureEvery === 0) {
      return void res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `prices@${version} failed` }) + '\n');
    }
    let price = 0;
    for (const char of match[1]) price += char.charCodeAt(0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sku: match[1], price: price / 100, version }) + '\n');
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
