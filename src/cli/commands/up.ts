import { resolve } from 'node:path';
import { StepwiseError } from '../../model/errors.ts';
import type { CliContext, RegisterCommand } from '../command.ts';
import { parsePort, storeOptionsFrom } from '../server-options.ts';

interface UpFlags {
  readonly env: string;
  readonly port: string;
  readonly host: string;
  readonly data: string;
  readonly databaseUrl?: string;
  readonly maxRollouts?: string;
  readonly server: boolean;
  readonly json?: boolean;
}

/**
 * `stepwise up`: runs an environment on this machine — the live version of each service as a
 * process behind its gateway, the rollout runner, and (unless --no-server) the API in the same
 * process. Stopped with SIGINT/SIGTERM it stops the services; killed outright, the next `up`
 * adopts the processes still running and resumes the rollouts from the store.
 */
export const registerUp: RegisterCommand = (program, context) => {
  program
    .command('up')
    .description('run an environment on this machine: services behind gateways, rollouts, and the API')
    .option('--env <environment>', 'environment to run (created if missing)', 'local')
    .option('--port <port>', 'API port (0 picks a free one)', '4400')
    .option('--host <host>', 'API address', '127.0.0.1')
    .option('--data <dir>', 'data directory: SQLite store, logs, process records', '.stepwise')
    .option('--database-url <url>', 'PostgreSQL URL (default: STEPWISE_DATABASE_URL)')
    .option('--max-rollouts <n>', 'rollouts running at once in the environment (default: STEPWISE_MAX_ROLLOUTS or 2)')
    .option('--no-server', 'run services and rollouts only; the API runs elsewhere on the same store')
    .option('--json', 'print what came up as one JSON line')
    .action(async (flags: UpFlags) => runUp(context, flags));
};

async function runUp(context: CliContext, flags: UpFlags): Promise<void> {
  const port = parsePort(flags.port);
  const maxRollouts = flags.maxRollouts === undefined ? undefined : Number(flags.maxRollouts);
  if (maxRollouts !== undefined && (!Number.isInteger(maxRollouts) || maxRollouts < 1)) throw new StepwiseError('BAD_INPUT', `--max-rollouts must be a positive integer`);
  if (maxRollouts !== undefined) process.env.STEPWISE_MAX_ROLLOUTS = String(maxRollouts);
  const dataDir = resolve(context.cwd, flags.data);
  const storeOptions = storeOptionsFrom(context, flags);

  const { openStore } = await import('../../store/open-store.ts');
  const { createEnvironment, listEnvironments } = await import('../../store/registry/environments.ts');
  const { LocalTarget } = await import('../../rollout/targets/local/local-target.ts');
  const { RolloutRunner } = await import('../../rollout/runner/rollout-runner.ts');
  const { bringUpEnvironment } = await import('../../rollout/runner/bring-up-environment.ts');
  const { rolloutCap } = await import('../../rollout/runner/rollout-bell.ts');

  const adminToken = context.env.STEPWISE_ADMIN_TOKEN;
  const server = flags.server
    ? await (await import('../../server/start-server.ts')).startServer({ store: storeOptions, host: flags.host, port, ...(adminToken ? { adminToken } : {}) })
    : undefined;
  const store = server?.store ?? (await openStore(storeOptions));
  if (!(await listEnvironments(store.db)).some((environment) => environment.name === flags.env)) {
    await createEnvironment(store.db, { name: flags.env, actor: 'stepwise up' });
  }
  const target = new LocalTarget(dataDir, flags.env);
  const services = await bringUpEnvironment(store.db, target, flags.env, context.cwd, new Date());
  const runner = new RolloutRunner({
    db: store.db,
    target,
    environment: flags.env,
    maxConcurrent: rolloutCap(process.env),
    onError: (error) => context.stderr(`rollout runner: ${error instanceof Error ? error.message : String(error)}\n`),
    onPass: (rollout, pass) => {
      for (const transition of pass.transitions) context.stderr(`rollout #${rollout.id} ${rollout.service}@${rollout.version}: ${transition.kind}: ${transition.message}\n`);
    },
  });
  runner.start();

  const summary = {
    environment: flags.env,
    url: server?.url ?? null,
    data: dataDir,
    incarnation: target.incarnation,
    ...(server?.createdAdminToken ? { adminToken: server.createdAdminToken } : {}),
    services: services.map((service) => ({ ...service, url: service.port ? `http://127.0.0.1:${service.port}` : null })),
  };
  if (flags.json) context.stdout(`${JSON.stringify(summary)}\n`);
  else {
    context.stdout(`Stepwise is running ${flags.env}${server ? `; API on ${server.url}` : ''} (data in ${flags.data})\n`);
    if (server?.createdAdminToken) context.stdout(`Admin token (shown once): ${server.createdAdminToken}\n`);
    for (const service of summary.services) {
      context.stdout(service.problem ? `  ${service.service}@${service.version}: not running: ${service.problem}\n` : `  ${service.service}@${service.version} on ${service.url}\n`);
    }
    if (services.length === 0) context.stdout('  no services are deployed here yet: publish one and `stepwise rollout start` it\n');
  }

  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await runner.stop();
  await target.close({ stopVersions: true });
  if (server) await server.close();
  else await store.close();
}
