import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import semver from 'semver';
import { StepwiseError } from '../../../model/errors.ts';
import { versionKey, type EnvironmentSnapshot, type LiveSpan, type LiveVersion, type PublishedVersion, type VersionCatalog } from '../../../model/snapshot.ts';
import type { PlanTarget } from '../../../plan/plan.ts';
import { loadServiceDirectory } from './load-service-directory.ts';

export interface OfflineInputs {
  readonly versions: VersionCatalog;
  readonly snapshots: readonly EnvironmentSnapshot[];
}

/**
 * `stepwise plan --offline DIR…`: every directory holds one version of one service (a directory
 * named `service@version` says which; otherwise it is the version a target names for that service).
 * The environments' state comes from `--state FILE` (see docs/plan.md) or is empty.
 */
export async function loadOfflineInputs(options: {
  readonly paths: readonly string[];
  readonly targets: readonly PlanTarget[];
  readonly environments: readonly string[];
  readonly stateFile?: string;
  readonly cwd: string;
  /** ISO timestamp used when the state file gives none. */
  readonly now: string;
}): Promise<OfflineInputs> {
  const loaded: Omit<PublishedVersion, 'publishedAt'>[] = [];
  for (const path of options.paths) {
    const directory = await loadServiceDirectory(resolve(options.cwd, path));
    let version = directory.version;
    if (version === undefined) {
      const named = options.targets.filter((target) => target.service === directory.service && target.version !== undefined);
      if (named.length !== 1) {
        throw new StepwiseError('BAD_INPUT', `cannot tell which version of ${directory.service} ${path} holds: name the directory ${directory.service}@VERSION, or give exactly one --target ${directory.service}@VERSION`, { file: path });
      }
      version = named[0]!.version!;
    }
    if (loaded.some((entry) => entry.service === directory.service && entry.version === version)) {
      throw new StepwiseError('BAD_INPUT', `${directory.service}@${version} is given twice (${path})`, { file: path });
    }
    loaded.push({ service: directory.service, version, provides: directory.provides, consumes: directory.consumes, hasContracts: true });
  }
  const versions = new Map<string, PublishedVersion>();
  for (const entry of withPublicationOrder(loaded)) versions.set(versionKey(entry.service, entry.version), entry);
  const state = options.stateFile ? await readState(resolve(options.cwd, options.stateFile)) : {};
  const snapshots = options.environments.map((environment) => snapshotOf(environment, state, options.now, options.stateFile ?? ''));
  return { versions, snapshots };
}

/** Offline there is no registry to say what was published when: version order stands in for it. */
function withPublicationOrder(entries: readonly Omit<PublishedVersion, 'publishedAt'>[]): PublishedVersion[] {
  const base = Date.parse('2000-01-01T00:00:00.000Z');
  const byService = new Map<string, Omit<PublishedVersion, 'publishedAt'>[]>();
  for (const entry of entries) byService.set(entry.service, [...(byService.get(entry.service) ?? []), entry]);
  const out: PublishedVersion[] = [];
  for (const list of byService.values()) {
    list.sort((a, b) => compareVersions(a.version, b.version));
    list.forEach((entry, i) => out.push({ ...entry, publishedAt: new Date(base + i * 1000).toISOString() }));
  }
  return out;
}

function compareVersions(a: string, b: string): number {
  const x = semver.coerce(a, { includePrerelease: true });
  const y = semver.coerce(b, { includePrerelease: true });
  if (x && y && !semver.eq(x, y)) return semver.compare(x, y);
  return a.localeCompare(b, 'en', { numeric: true });
}

type Raw = Record<string, unknown>;

async function readState(file: string): Promise<Raw> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new StepwiseError('BAD_INPUT', `cannot read the state file ${file}`, { file });
  }
  try {
    const value = parse(text) as unknown;
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a mapping');
    return value as Raw;
  } catch (error) {
    throw new StepwiseError('BAD_INPUT', `${file}: ${(error as Error).message}`, { file });
  }
}

function snapshotOf(environment: string, state: Raw, now: string, file: string): EnvironmentSnapshot {
  const perEnvironment = (state.environments as Raw | undefined)?.[environment] as Raw | undefined;
  const source = perEnvironment ?? state;
  const pointer = perEnvironment ? `/environments/${environment}` : '';
  const at = String(state.at ?? now);
  if (Number.isNaN(Date.parse(at))) throw new StepwiseError('BAD_INPUT', `${file}: "at" is not a timestamp`, { file, pointer: '/at' });
  const live: LiveVersion[] = [];
  const history: LiveSpan[] = [];
  const since = new Date(Date.parse(at) - 86_400_000).toISOString();
  for (const [service, value] of Object.entries((source.live ?? {}) as Raw)) {
    const list = Array.isArray(value) ? value : [value];
    for (const version of list) {
      if (typeof version !== 'string' && typeof version !== 'number') {
        throw new StepwiseError('BAD_INPUT', `${file}: live version of ${service} must be a string`, { file, pointer: `${pointer}/live/${service}` });
      }
      live.push({ service, version: String(version), target: 'default', mode: list.length > 1 ? 'released' : 'deployed', since });
      history.push({ service, version: String(version), from: since });
    }
  }
  for (const [i, raw] of ((source.history ?? []) as Raw[]).entries()) {
    if (typeof raw?.service !== 'string' || raw.version === undefined) {
      throw new StepwiseError('BAD_INPUT', `${file}: history entries need service and version`, { file, pointer: `${pointer}/history/${i}` });
    }
    history.push({ service: raw.service, version: String(raw.version), from: String(raw.from ?? since), ...(raw.to !== undefined ? { to: String(raw.to) } : { to: since }) });
  }
  const flags: Record<string, boolean> = {};
  for (const [flag, on] of Object.entries((source.flags ?? {}) as Raw)) flags[flag] = on === true;
  return { environment, at, live, history, flags };
}
