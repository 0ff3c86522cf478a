import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { TrafficGateway } from '../../../src/rollout/targets/local/traffic-gateway.ts';

/** A backend on a free loopback port; `handle` sees each request. */
async function backend(handle: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer }) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function withGateway(port: number, work: (gateway: TrafficGateway, port: number) => Promise<void>): Promise<void> {
  const gateway = new TrafficGateway({ service: 'orders', port: 0 });
  const { port: gatewayPort } = await gateway.listen();
  gateway.setBackend('v1', port, true);
  gateway.setWeights({ v1: 100 });
  try {
    await work(gateway, gatewayPort);
  } finally {
    await gateway.close();
  }
}

test('the gateway passes headers both ways (repeated ones too), drops hop-by-hop ones, and forwards a request body', async () => {
  const seen: Array<{ method: string; url: string; rawHeaders: string[]; body: string }> = [];
  const { server, port } = await backend((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString() });
      res.writeHead(201, ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'X-Reply', 'caf\u00e9', 'Keep-Alive', 'timeout=9', 'Content-Type', 'text/plain']);
      res.end('made\n');
    });
  });
  try {
    await withGateway(port, async (_gateway, gatewayPort) => {
      const answer = await send(gatewayPort, {
        method: 'POST',
        path: '/orders?x=1',
        headers: { 'X-Trace': 't-1', 'x-forwarded-for': '6.6.6.6', 'x-stepwise-version': 'forged', 'content-type': 'application/json' },
        body: Buffer.from('{"n":1}'),
      });
      assert.equal(answer.status, 201);
      assert.equal(answer.body.toString(), 'made\n');
      assert.deepEqual(answer.headers['set-cookie'], ['a=1', 'b=2']);
      assert.equal(answer.headers['x-reply'], 'caf\u00e9');
      // the backend's keep-alive is its own connection's business; the gateway says its own
      assert.notEqual(answer.headers['keep-alive'], 'timeout=9');

      const [received] = seen;
      assert.equal(received!.method, 'POST');
      assert.equal(received!.url, '/orders?x=1');
      assert.equal(received!.body, '{"n":1}');
      const headers = new Map<string, string[]>();
      for (let index = 0; index < received!.rawHeaders.length; index += 2) {
        const name = received!.rawHeaders[index]!.toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), received!.rawHeaders[index + 1]!]);
      }
      assert.deepEqual(headers.get('x-trace'), ['t-1']);
      assert.deepEqual(headers.get('content-type'), ['application/json']);
      assert.deepEqual(headers.get('x-forwarded-for'), ['127.0.0.1'], 'set by the gateway, never taken from the client');
      assert.deepEqual(headers.get('x-stepwise-version'), ['v1']);
    });
  } finally {
    server.close();
  }
});

test('the gateway streams a large answer to a slow client without losing bytes, and lets go of the backend when the client leaves', { timeout: 30_000 }, async () => {
  const big = Buffer.alloc(8 * 1024 * 1024, 'x');
  let closed = 0;
  const { server, port } = await backend((req, res) => {
    res.on('close', () => closed++);
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'y');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    res.writeHead(200, { 'content-length': big.length }).end(big);
  });
  try {
    await withGateway(port, async (gateway, gatewayPort) => {
      // a client that reads slowly makes the gateway pause the backend and resume it
      const slow = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: gatewayPort, path: '/big' }, (res) => {
          let length = 0;
          res.on('data', (chunk: Buffer) => {
            length += chunk.length;
            res.pause();
            setTimeout(() => res.resume(), 1);
          });
          res.on('end', () => resolve(length));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(slow, big.length);

      // a client that leaves in the middle of an endless answer: the backend's response is closed
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: gatewayPort, path: '/endless' }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => undefined);
        req.end();
        setTimeout(() => reject(new Error('no data')), 5000);
      });
      const deadline = Date.now() + 5000;
      while (closed < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(closed, 2, 'the endless response was closed once the client left');
      const window = gateway.metrics('v1', Date.now() - 60_000, Date.now());
      assert.equal(window.requests, 2);
      assert.equal(window.errors, 0, 'a client leaving is no error of the backend');
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
