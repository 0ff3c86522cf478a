import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Value } from 'typebox/value';
import { loadContractSource } from '../../../files/load-contract-source.ts';
import type { ContractSource } from '../../../model/contract-source.ts';
import { StepwiseError } from '../../../model/errors.ts';
import { ManifestSchema, type Manifest } from '../../../model/manifest.ts';
import type { ConsumedContract, ProvidedContract } from '../../../model/snapshot.ts';
import { parseDuration } from '../../../manifest/parse-duration.ts';

/** A service directory read from disk: its manifest turned into the facts the planner needs. */
export interface ServiceDirectory {
  readonly dir: string;
  readonly service: string;
  /** From a directory named `service@version`; otherwise the caller supplies it. */
  readonly version?: string;
  readonly provides: readonly ProvidedContract[];
  readonly consumes: readonly ConsumedContract[];
}

/**
 * Reads `stepwise.yaml` in `dir` and every contract it names. Errors name the file, the line and
 * the JSON pointer of the offending field.
 */
export async function loadServiceDirectory(dir: string): Promise<ServiceDirectory> {
  const file = join(dir, 'stepwise.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new StepwiseError('BAD_INPUT', `no stepwise.yaml in ${dir}`, { file });
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new StepwiseError('MANIFEST_INVALID', `${file}: ${error.message}`, { file, line: error.linePos?.[0]?.line });
  }
  const manifest = document.toJS() as unknown;
  const errors = Value.Errors(ManifestSchema, manifest);
  if (errors.length > 0) {
    const first = errors[0]!;
    const path = first.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    throw new StepwiseError('MANIFEST_INVALID', `${file}${line ? `:${line}` : ''} ${first.instancePath || '/'}: ${first.message}`, { file, line, pointer: first.instancePath });
  }
  const valid = manifest as Manifest;
  const named = /^(.+)@([^@]+)$/.exec(basename(resolve(dir)));
  if (named && named[1] !== valid.service) {
    throw new StepwiseError('BAD_INPUT', `${dir} is named for ${named[1]} but its manifest describes ${valid.service}`, { file, pointer: '/service' });
  }
  const contract = (kind: ProvidedContract['kind'], path: string | undefined): Promise<ContractSource | undefined> =>
    path === undefined ? Promise.resolve(undefined) : loadContractSource(kind, path, dir);
  const formats = async (kind: ProvidedContract['kind'], map: Record<string, string> | undefined) => {
    if (!map) return undefined;
    const out: Record<string, ContractSource> = {};
    for (const [mediaType, path] of Object.entries(map)) out[mediaType] = (await contract(kind, path))!;
    return out;
  };
  const provides: ProvidedContract[] = [];
  for (const entry of valid.provides ?? []) {
    provides.push({
      interface: entry.interface,
      kind: entry.kind,
      ...optional('contract', await contract(entry.kind, entry.contract)),
      ...optional('formats', await formats(entry.kind, entry.formats)),
      ...optional('retentionMs', entry.retention === undefined ? undefined : parseDuration(entry.retention)),
    });
  }
  const consumes: ConsumedContract[] = [];
  for (const entry of valid.consumes ?? []) {
    consumes.push({
      interface: entry.interface,
      kind: entry.kind,
      required: entry.required ?? true,
      ...optional('contract', await contract(entry.kind, entry.contract)),
      ...optional('formats', await formats(entry.kind, entry.formats)),
      ...optional('operations', entry.operations),
      ...optional('flag', entry.flag),
    });
  }
  return { dir, service: valid.service, ...optional('version', named?.[2]), provides, consumes };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
