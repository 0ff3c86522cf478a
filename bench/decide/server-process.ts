// The control plane in its own process, so the benchmark measures it over HTTP and reads its peak memory.
import { startServer } from '../../src/server/start-server.ts';

const [kind, location, token] = process.argv.slice(2);
const server = await startServer({
  store: kind === 'postgres' ? { postgresUrl: location! } : { sqlitePath: location! },
  host: '127.0.0.1',
  port: 0,
  adminToken: token!,
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
