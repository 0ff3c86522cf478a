import { join, resolve } from 'node:path';
import { StepwiseError } from '../model/errors.ts';
import type { StoreOptions } from '../store/open-store.ts';
import type { CliContext } from './command.ts';

/** A `--port` value: 0 to 65535, 0 picking a free port. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StepwiseError('BAD_INPUT', `--port must be a port number, not "${value}"`);
  return port;
}

/** PostgreSQL when `--database-url` or STEPWISE_DATABASE_URL is given, else SQLite under the data directory. */
export function storeOptionsFrom(context: CliContext, flags: { readonly data: string; readonly databaseUrl?: string | undefined }): StoreOptions {
  const databaseUrl = flags.databaseUrl ?? context.env.STEPWISE_DATABASE_URL;
  return databaseUrl ? { postgresUrl: databaseUrl } : { sqlitePath: join(resolve(context.cwd, flags.data), 'stepwise.db') };
}
