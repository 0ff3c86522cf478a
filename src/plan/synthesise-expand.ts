import { parse } from 'yaml';
import type { ContractSource } from '../model/contract-source.ts';
import { carriesDataAtRest } from '../model/interface-id.ts';
import type { ConsumedContract, ProvidedContract, PublishedVersion, VersionCatalog } from '../model/snapshot.ts';
import { versionKey } from '../model/snapshot.ts';
import type { SynthesisedContract } from './plan.ts';

export interface ExpandVersion {
  readonly version: PublishedVersion;
  readonly contracts: readonly SynthesisedContract[];
}

/**
 * The expand step between two versions of a service: it reads everything either version reads
 * (a reader of both formats; a consumer that tolerates the old and the new; a dependency only the
 * new version has becomes optional), and serves everything either serves, except that a writer of
 * stored data keeps writing the old format: old readers must still read what it writes. The
 * contract step is then the target version itself, which drops the old.
 */
export function synthesiseExpand(versions: VersionCatalog, from: PublishedVersion, to: PublishedVersion): ExpandVersion {
  const contracts: SynthesisedContract[] = [];
  const consumes: ConsumedContract[] = [];
  for (const id of unionIds(from.consumes, to.consumes)) {
    const old = from.consumes.find((e) => e.interface === id);
    const next = to.consumes.find((e) => e.interface === id);
    if (old && next) {
      const merged = mergeReader(old, next);
      consumes.push(merged);
      if (merged !== old) contracts.push({ interface: id, role: 'consumes', phase: 'expand', ...media(merged.formats), description: `reads what ${from.version} reads and what ${to.version} reads` });
    } else if (old) consumes.push(old);
    else if (next) {
      consumes.push({ ...next, required: false });
      contracts.push({ interface: id, role: 'consumes', phase: 'expand', description: `uses ${id} when it is there, and works without it` });
    }
  }
  const provides: ProvidedContract[] = [];
  for (const id of unionIds(from.provides, to.provides)) {
    const old = from.provides.find((e) => e.interface === id);
    const next = to.provides.find((e) => e.interface === id);
    if (old && next) {
      if (carriesDataAtRest(id)) provides.push(old);
      else {
        const merged = mergeProvider(old, next);
        provides.push(merged);
        if (merged !== old) contracts.push({ interface: id, role: 'provides', phase: 'expand', ...media(merged.formats), description: `serves what ${to.version} adds and keeps what ${from.version} served` });
      }
    } else if (old) provides.push(old);
    else if (next) {
      provides.push(next);
      contracts.push({ interface: id, role: 'provides', phase: 'expand', description: `starts providing ${id}` });
    }
  }
  const version = intermediateVersion(versions, from.service, from.version, to.version);
  return {
    version: { service: from.service, version, provides, consumes, hasContracts: from.hasContracts && to.hasContracts, publishedAt: to.publishedAt },
    contracts,
  };
}

function media(formats: ConsumedContract['formats']): { mediaTypes?: string[] } {
  return formats ? { mediaTypes: Object.keys(formats).sort() } : {};
}

function unionIds(a: readonly { interface: string }[], b: readonly { interface: string }[]): string[] {
  return [...new Set([...a.map((e) => e.interface), ...b.map((e) => e.interface)])];
}

function mergeReader(old: ConsumedContract, next: ConsumedContract): ConsumedContract {
  const operations = old.operations || next.operations ? [...new Set([...(old.operations ?? []), ...(next.operations ?? [])])] : undefined;
  const base = { ...old, required: old.required && next.required, ...(operations ? { operations } : {}) };
  if (old.formats || next.formats) {
    const formats = { ...(next.formats ?? {}), ...(old.formats ?? {}) };
    for (const [mediaType, source] of Object.entries(next.formats ?? {})) {
      const before = old.formats?.[mediaType];
      if (before && before !== source) formats[mediaType] = eitherOf(before, source) ?? before;
    }
    return { ...base, formats };
  }
  if (old.contract && next.contract && old.contract !== next.contract) return { ...base, contract: eitherOf(old.contract, next.contract) ?? old.contract };
  return old.required === base.required && !operations ? old : base;
}

function mergeProvider(old: ProvidedContract, next: ProvidedContract): ProvidedContract {
  if (old.formats || next.formats) return { ...old, formats: { ...(old.formats ?? {}), ...(next.formats ?? {}) } };
  if (old.contract && next.contract && old.contract !== next.contract) {
    const merged = unionDocument(old.contract, next.contract);
    return merged ? { ...old, contract: merged } : old;
  }
  return old;
}

/** A reader schema accepting documents valid under either one (JSON Schema only). */
function eitherOf(a: ContractSource, b: ContractSource): ContractSource | undefined {
  if (a.kind !== 'jsonschema' || b.kind !== 'jsonschema') return undefined;
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(a.files)) files[`before/${path}`] = text;
  for (const [path, text] of Object.entries(b.files)) files[`after/${path}`] = text;
  const entry = 'expand.schema.json';
  files[entry] = JSON.stringify({ anyOf: [{ $ref: `before/${a.entry}` }, { $ref: `after/${b.entry}` }] }, null, 2);
  return { kind: 'jsonschema', entry, files };
}

/** A provider document serving both: objects merged key by key, lists joined (JSON or YAML documents). */
function unionDocument(a: ContractSource, b: ContractSource): ContractSource | undefined {
  if (a.kind === 'protobuf' || b.kind !== a.kind) return undefined;
  const left = parseDocument(a.files[a.entry]);
  const right = parseDocument(b.files[b.entry]);
  if (left === undefined || right === undefined) return undefined;
  return { kind: a.kind, entry: a.entry, files: { ...b.files, ...a.files, [a.entry]: JSON.stringify(deepUnion(left, right), null, 2) } };
}

function parseDocument(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function deepUnion(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    const seen = new Set(a.map((x) => JSON.stringify(x)));
    return [...a, ...b.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...b };
    for (const [key, value] of Object.entries(a)) out[key] = key in b ? deepUnion(value, b[key]) : value;
    return out;
  }
  return a;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The intermediate's version: the next minor after the old one (1.0 -> 1.1, 2.3.1 -> 2.4.0), or
 * `<old>-expand` when that is taken or the old one is not numeric.
 */
export function intermediateVersion(versions: VersionCatalog, service: string, from: string, to: string): string {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(from);
  if (match) {
    const [, major, minor, patch] = match;
    const next = `${major}.${Number(minor ?? 0) + 1}${patch !== undefined ? '.0' : ''}`;
    if (next !== to && !versions.has(versionKey(service, next))) return next;
  }
  let candidate = `${from}-expand`;
  for (let n = 2; versions.has(versionKey(service, candidate)); n++) candidate = `${from}-expand.${n}`;
  return candidate;
}
