import type { ContractSource } from '../../../src/model/contract-source.ts';
import type { ConsumedContract, EnvironmentSnapshot, LiveSpan, ProvidedContract, PublishedVersion } from '../../../src/model/snapshot.ts';
import { versionKey } from '../../../src/model/snapshot.ts';

/**
 * Planning cases in a few lines each. A version is `{ provides: [...], consumes: [...] }` with
 * entries written as:
 *   `http:orders=id,total`                     a record whose listed properties are always there
 *   `store:r~application/xml=id|application/json=id,cur`   one record per media type
 * and, for consumes, a suffix `?` (optional) or `!flag` (optional behind a flag), and for provides
 * `@7d` (retention). Readers list what they require; writers what they always write.
 */
export interface VersionSpec {
  readonly provides?: readonly string[];
  readonly consumes?: readonly string[];
}

export interface EnvironmentSpec {
  readonly live?: Readonly<Record<string, string>>;
  readonly flags?: Readonly<Record<string, boolean>>;
  /** `service@version` that ran before, with when it stopped (days before now). */
  readonly past?: readonly { readonly version: string; readonly endedDaysAgo: number }[];
}

export const NOW = '2026-06-01T00:00:00.000Z';
const DAY = 86_400_000;

export function catalogOf(specs: Readonly<Record<string, VersionSpec>>): Map<string, PublishedVersion> {
  const catalog = new Map<string, PublishedVersion>();
  Object.entries(specs).forEach(([label, spec], i) => {
    const [service, version] = label.split('@') as [string, string];
    catalog.set(versionKey(service, version), {
      service,
      version,
      provides: (spec.provides ?? []).map((text) => provided(text, label)),
      consumes: (spec.consumes ?? []).map((text) => consumed(text, label)),
      hasContracts: true,
      publishedAt: new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 1000).toISOString(),
    });
  });
  return catalog;
}

export function snapshotOf(environment: string, spec: EnvironmentSpec): EnvironmentSnapshot {
  const now = Date.parse(NOW);
  const history: LiveSpan[] = [];
  for (const past of spec.past ?? []) {
    const [service, version] = past.version.split('@') as [string, string];
    history.push({ service, version, from: new Date(now - 400 * DAY).toISOString(), to: new Date(now - past.endedDaysAgo * DAY).toISOString() });
  }
  const since = new Date(now - DAY).toISOString();
  const live = Object.entries(spec.live ?? {}).map(([service, version]) => ({ service, version, target: 'default', mode: 'deployed' as const, since }));
  for (const entry of live) history.push({ service: entry.service, version: entry.version, from: since });
  return { environment, at: NOW, live, history, flags: spec.flags ?? {} };
}

function provided(text: string, owner: string): ProvidedContract {
  const [body, retention] = text.split('@') as [string, string | undefined];
  const parsed = contracts(body, owner);
  return { ...parsed, ...(retention ? { retentionMs: Number(retention.replace('d', '')) * DAY } : {}) };
}

function consumed(text: string, owner: string): ConsumedContract {
  const flagAt = text.lastIndexOf('!');
  const flag = flagAt > 0 ? text.slice(flagAt + 1) : undefined;
  let body = flagAt > 0 ? text.slice(0, flagAt) : text;
  const optional = body.endsWith('?');
  if (optional) body = body.slice(0, -1);
  return { ...contracts(body, owner), required: !optional, ...(flag ? { flag } : {}) };
}

function contracts(body: string, owner: string): { interface: string; kind: 'jsonschema'; contract?: ContractSource; formats?: Record<string, ContractSource> } {
  const formatted = body.indexOf('~');
  if (formatted > 0) {
    const id = body.slice(0, formatted);
    const formats: Record<string, ContractSource> = {};
    for (const part of body.slice(formatted + 1).split('|')) {
      const [mediaType, fields] = part.split('=') as [string, string];
      formats[mediaType] = record(fields, `${owner}-${id}-${mediaType}`);
    }
    return { interface: id, kind: 'jsonschema', formats };
  }
  const [id, fields] = body.split('=') as [string, string | undefined];
  return { interface: id, kind: 'jsonschema', ...(fields !== undefined ? { contract: record(fields, `${owner}-${id}`) } : {}) };
}

function record(fields: string, name: string): ContractSource {
  const required = fields.split(',').filter(Boolean);
  const entry = `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.schema.json`;
  const properties = Object.fromEntries(required.map((field) => [field, { type: 'string' }]));
  return { kind: 'jsonschema', entry, files: { [entry]: JSON.stringify({ type: 'object', properties, required }) } };
}
