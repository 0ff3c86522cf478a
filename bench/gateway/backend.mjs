// The benchmark's backend: answers every request with a small body, as cheaply as node can.
import { createServer } from 'node:http';

const body = Buffer.from(`${process.env.VERSION ?? 'v'}\n`);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
