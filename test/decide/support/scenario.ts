import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isContractKind, type ContractKind } from '../../../src/model/contract-kind.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import {
  versionKey,
  type ConsumedContract,
  type EnvironmentSnapshot,
  type LiveSpan,
  type LiveVersion,
  type ProvidedContract,
  type PublishedVersion,
  type VersionCatalog,
} from '../../../src/model/snapshot.ts';
import type { Candidate } from '../../../src/decide/decision-input.ts';
import type { Ignore } from '../../../src/decide/ignore.ts';
import type { ReasonCode } from '../../../src/decide/reason-code.ts';
import { parseDuration } from '../../../src/manifest/parse-duration.ts';

/**
 * A decision case as data: the environment, the published versions with their contracts inline,
 * the candidate, and what the verdict must be. `contracts:` holds shared documents that an entry
 * names with `contract: "@name"`; a document may be written as YAML and is stored as JSON text.
 */
export interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly environment: string;
  readonly snapshot: EnvironmentSnapshot;
  readonly versions: VersionCatalog;
  /** Publication order, as the store replays it. */
  readonly published: readonly PublishedVersion[];
  readonly candidate: Candidate;
  readonly ignores: readonly Ignore[];
  readonly kinds: ReadonlySet<ContractKind>;
  readonly expect: {
    readonly verdict: 'yes' | 'no' | 'unknown';
    /** Exactly the set of codes the verdict carries. */
    readonly codes: readonly ReasonCode[];
    /** Counterparts that must be named by a reason with the given code (`CODE counterpart`). */
    readonly names?: readonly string[];
  };
}

type Raw = Record<string, unknown>;

export const SCENARIO_DIR = new URL('../scenarios/', import.meta.url).pathname;

export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => loadScenario(join(dir, name)));
}

export function loadScenario(file: string): Scenario {
  const raw = parse(readFileSync(file, 'utf8')) as Raw;
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  const at = String(raw.at ?? '2026-06-01T00:00:00.000Z');
  const shared = (raw.contracts ?? {}) as Record<string, unknown>;
  const kinds = new Set<ContractKind>();

  const source = (kind: ContractKind, value: unknown, name: string): ContractSource => {
    const resolved = typeof value === 'string' && value.startsWith('@') ? shared[value.slice(1)] ?? fail(`unknown contract ${value}`) : value;
    const text = typeof resolved === 'string' ? resolved : JSON.stringify(resolved, null, 2);
    const entry = `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.${EXTENSIONS[kind](typeof resolved === 'string')}`;
    kinds.add(kind);
    return { kind, entry, files: { [entry]: text } };
  };
  const formats = (kind: ContractKind, value: unknown, name: string) =>
    value === undefined
      ? undefined
      : Object.fromEntries(Object.entries(value as Raw).map(([mediaType, doc]) => [mediaType, source(kind, doc, `${name}-${mediaType}`)]));
  const kindOf = (entry: Raw, where: string): ContractKind => {
    const kind = String(entry.kind ?? '');
    return isContractKind(kind) ? kind : fail(`${where}: unknown contract kind "${kind}"`);
  };

  const published: PublishedVersion[] = [];
  const versions = new Map<string, PublishedVersion>();
  for (const [i, entry] of ((raw.versions ?? []) as Raw[]).entries()) {
    const [service, version] = splitRef(String(entry.ref ?? ''), fail);
    const where = `versions[${i}] ${service}@${version}`;
    const provides = ((entry.provides ?? []) as Raw[]).map((p): ProvidedContract => {
      const kind = kindOf(p, where);
      const name = `${service}-${version}-provides-${p.interface}`;
      return {
        interface: String(p.interface),
        kind,
        ...(p.contract !== undefined ? { contract: source(kind, p.contract, name) } : {}),
        ...(p.formats !== undefined ? { formats: formats(kind, p.formats, name) } : {}),
        ...(p.retention !== undefined ? { retentionMs: durationMs(String(p.retention), fail) } : {}),
      };
    });
    const consumes = ((entry.consumes ?? []) as Raw[]).map((c): ConsumedContract => {
      const kind = kindOf(c, where);
      const name = `${service}-${version}-consumes-${c.interface}`;
      return {
        interface: String(c.interface),
        kind,
        ...(c.contract !== undefined ? { contract: source(kind, c.contract, name) } : {}),
        ...(c.formats !== undefined ? { formats: formats(kind, c.formats, name) } : {}),
        ...(c.operations !== undefined ? { operations: (c.operations as unknown[]).map(String) } : {}),
        required: c.required !== false,
        ...(c.flag !== undefined ? { flag: String(c.flag) } : {}),
      };
    });
    const publishedAt = String(entry.publishedAt ?? new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3_600_000).toISOString());
    const record: PublishedVersion = { service, version, provides, consumes, hasContracts: entry.hasContracts !== false, publishedAt };
    published.push(record);
    versions.set(versionKey(service, version), record);
  }

  const live: LiveVersion[] = ((raw.live ?? []) as unknown[]).map((item) => {
    const entry: Raw = typeof item === 'string' ? { ref: item } : (item as Raw);
    const [service, version] = splitRef(String(entry.ref), fail);
    return {
      service,
      version,
      target: String(entry.target ?? 'default'),
      mode: entry.mode === 'released' ? 'released' : 'deployed',
      since: String(entry.since ?? new Date(Date.parse(at) - 86_400_000).toISOString()),
    };
  });
  const history: LiveSpan[] = ((raw.history ?? []) as Raw[]).map((entry) => {
    const [service, version] = splitRef(String(entry.ref), fail);
    return { service, version, from: String(entry.from ?? fail('history entries need from')), ...(entry.to !== undefined ? { to: String(entry.to) } : {}) };
  });
  for (const item of live) {
    if (!history.some((span) => span.service === item.service && span.version === item.version && span.to === undefined)) {
      history.push({ service: item.service, version: item.version, from: item.since });
    }
  }
  history.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const candidateRaw: Raw = typeof raw.candidate === 'string' ? { ref: raw.candidate } : ((raw.candidate ?? fail('no candidate')) as Raw);
  const [service, version] = splitRef(String(candidateRaw.ref), fail);
  const candidate: Candidate = { service, version, ...(candidateRaw.target !== undefined ? { target: String(candidateRaw.target) } : {}) };
  const ignores = ((raw.ignores ?? []) as Raw[]).map((entry): Ignore => {
    const [s, v] = String(entry.ref).split('@');
    return { service: s!, ...(v ? { version: v } : {}), reason: String(entry.reason), until: String(entry.until) };
  });
  const expect = (raw.expect ?? fail('no expect')) as Raw;
  const verdict = String(expect.verdict);
  if (verdict !== 'yes' && verdict !== 'no' && verdict !== 'unknown') fail(`expect.verdict must be yes, no or unknown`);
  return {
    file,
    name: String(raw.name ?? file),
    environment: String(raw.environment ?? 'production'),
    snapshot: { environment: String(raw.environment ?? 'production'), at, live, history, flags: (raw.flags ?? {}) as Record<string, boolean> },
    versions,
    published,
    candidate,
    ignores,
    kinds,
    expect: {
      verdict: verdict as 'yes' | 'no' | 'unknown',
      codes: ((expect.codes ?? []) as string[]).slice().sort() as ReasonCode[],
      ...(expect.names !== undefined ? { names: expect.names as string[] } : {}),
    },
  };
}

function splitRef(ref: string, fail: (message: string) => never): [string, string] {
  const at = ref.lastIndexOf('@');
  if (at <= 0) fail(`"${ref}" is not service@version`);
  return [ref.slice(0, at), ref.slice(at + 1)];
}

const EXTENSIONS: Record<ContractKind, (text: boolean) => string> = {
  openapi: (text) => (text ? 'yaml' : 'json'),
  jsonschema: () => 'json',
  avro: () => 'avsc',
  protobuf: () => 'proto',
};

function durationMs(text: string, fail: (message: string) => never): number {
  return parseDuration(text) ?? fail(`retention "${text}" is not a duration like 30d`);
}
