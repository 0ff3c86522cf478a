// A Stepwise server in its own process, for end-to-end tests and the benchmark: prints one JSON line
// `{ "url", "adminToken" }` once listening, and stops on SIGTERM.
import { randomBytes } from 'node:crypto';
import { startServer } from '../../../src/server/start-server.ts';

const where = process.argv[2];
if (!where) throw new Error('usage: flag-server-process.ts <sqlite path | postgres url> [admin token]');
const adminToken = process.argv[3] ?? `stw_e2e_${randomBytes(12).toString('hex')}`;
const store = where.startsWith('postgres://') ? { postgresUrl: where } : { sqlitePath: where };
const server = await startServer({ store, host: '127.0.0.1', port: 0, adminToken });
process.stdout.write(`${JSON.stringify({ url: server.url, adminToken })}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
