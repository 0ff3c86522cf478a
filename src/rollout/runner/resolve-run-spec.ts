import { isAbsolute, resolve } from 'node:path';
import { StepwiseError } from '../../model/errors.ts';
import type { VersionRunSpec } from '../targets/target.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a published manifest's `run:` section into what the target needs; `cwd` resolves against `baseDir`. */
export function resolveRunSpec(service: string, version: string, run: unknown, baseDir: string): VersionRunSpec {
  const where = `${service}@${version}`;
  const bad = (pointer: string, message: string): never => {
    throw new StepwiseError('MANIFEST_INVALID', `${where}: run${pointer}: ${message}`, { pointer: `/run${pointer}` });
  };
  if (!isObject(run)) return bad('', 'the manifest has no run: section, so the local target cannot start this version (add run.command)');
  if (typeof run['command'] !== 'string' || run['command'].trim() === '') return bad('/command', 'expected the command that starts the service');
  const env = run['env'] ?? {};
  if (!isObject(env) || Object.values(env).some((value) => typeof value !== 'string')) return bad('/env', 'expected a map of names to strings');
  const port = (key: string): number | undefined => {
    const value = run[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) return bad(`/${key}`, 'expected a port number');
    return value;
  };
  const cwd = typeof run['cwd'] === 'string' ? run['cwd'] : '.';
  const gatewayPort = port('gatewayPort');
  const previewPort = port('previewPort');
  return {
    service,
    version,
    command: run['command'],
    cwd: isAbsolute(cwd) ? cwd : resolve(baseDir, cwd),
    env: env as Record<string, string>,
    portVariable: typeof run['port'] === 'string' ? run['port'] : 'PORT',
    ...(typeof run['health'] === 'string' ? { health: run['health'] } : {}),
    ...(gatewayPort === undefined ? {} : { gatewayPort }),
    ...(previewPort === undefined ? {} : { previewPort }),
  };
}
