import { StepwiseError } from '../../model/errors.ts';
import type { CliContext, RegisterCommand } from '../command.ts';
import { parsePort, storeOptionsFrom } from '../server-options.ts';

interface ServerFlags {
  readonly port: string;
  readonly host: string;
  readonly data: string;
  readonly databaseUrl?: string;
  readonly openReads?: boolean;
  readonly bodyLimit?: string;
  readonly json?: boolean;
}

/** `stepwise server`: the control plane on SQLite under --data, or on PostgreSQL. Runs until SIGINT/SIGTERM. */
export const registerServer: RegisterCommand = (program, context) => {
  program
    .command('server')
    .description('start the control plane (SQLite under --data, or PostgreSQL with --database-url)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4400')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'directory of the embedded SQLite store', '.stepwise')
    .option('--database-url <url>', 'PostgreSQL URL (default: STEPWISE_DATABASE_URL)')
    .option('--open-reads', 'let requests without a token read')
    .option('--body-limit <size>', 'largest request body, e.g. 10mb (default 10mb)')
    .option('--json', 'print the address (and a new admin token) as JSON')
    .action(async (flags: ServerFlags) => runServer(context, flags));
};

async function runServer(context: CliContext, flags: ServerFlags): Promise<void> {
  const port = parsePort(flags.port);
  const store = storeOptionsFrom(context, flags);
  const adminToken = context.env.STEPWISE_ADMIN_TOKEN;
  // Loaded here, not at the top: every other command starts faster without the server's dependencies.
  const { startServer } = await import('../../server/start-server.ts');
  const server = await startServer({
    store,
    host: flags.host,
    port,
    ...(flags.openReads ? { openReads: true } : {}),
    ...(flags.bodyLimit === undefined ? {} : { bodyLimit: parseSize(flags.bodyLimit) }),
    ...(adminToken ? { adminToken } : {}),
  });
  const where = 'postgresUrl' in store ? 'PostgreSQL' : `SQLite in ${flags.data}`;
  if (flags.json) {
    context.stdout(`${JSON.stringify({ url: server.url, database: server.store.dialect, ...(server.createdAdminToken ? { adminToken: server.createdAdminToken } : {}) })}\n`);
  } else {
    context.stdout(`Stepwise listening on ${server.url} (${where})\n`);
    if (server.createdAdminToken) {
      context.stdout(`Admin token (shown once; keep it, e.g. export STEPWISE_TOKEN=...):\n  ${server.createdAdminToken}\n`);
    }
  }
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}

/** `10mb`, `512kb` or plain bytes. */
export function parseSize(text: string): number {
  const match = /^([0-9]+)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!match) throw new StepwiseError('BAD_INPUT', `--body-limit must be a size like 10mb or 1048576, not "${text}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Number(match[1]) * unit;
}
