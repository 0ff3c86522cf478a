import type { ContractSource } from '../../src/model/contract-source.ts';
import { contractHash } from '../../src/model/contract-hash.ts';
import type { NormalisedInterface } from '../../src/manifest/normalise-publication.ts';

/**
 * A synthetic organisation with the shape of a large real one, generated from a seed so every run
 * measures the same thing: services with ~50 versions each, an HTTP API per service (OpenAPI, a few
 * KB) and for a quarter of them an event (JSON Schema); each consumes about four others, so a
 * service has about eight links. Contracts change every dozen versions, so most versions share
 * their contracts with their neighbours, as in real histories.
 */
export interface OrgShape {
  readonly services: number;
  readonly versionsPerService: number;
  readonly consumesPerService: number;
  readonly environments: readonly string[];
  readonly seed: number;
}

export const DEFAULT_SHAPE: OrgShape = { services: 2000, versionsPerService: 50, consumesPerService: 4, environments: ['dev', 'staging', 'production'], seed: 42 };

export interface SyntheticVersion {
  readonly service: string;
  readonly version: string;
  readonly provides: NormalisedInterface[];
  readonly consumes: NormalisedInterface[];
  readonly publishedAt: string;
}

export interface SyntheticSpan {
  readonly environment: string;
  readonly service: string;
  readonly version: string;
  readonly target: string;
  readonly since: string;
  readonly until: string | null;
}

export interface SyntheticOrg {
  readonly contracts: Map<string, ContractSource>;
  readonly versions: SyntheticVersion[];
  readonly spans: SyntheticSpan[];
  /** Candidates worth asking about: the version after the one live, per environment. */
  readonly candidates: { service: string; version: string; environment: string }[];
}

const REVISION_EVERY = 12;
const EXPECTATION_EVERY = 15;
const START = Date.parse('2024-01-01T00:00:00Z');
const HOUR = 3_600_000;

export function generateOrg(shape: OrgShape = DEFAULT_SHAPE): SyntheticOrg {
  const random = mulberry32(shape.seed);
  const contracts = new Map<string, ContractSource>();
  // Documents are made once per (kind, service, revision): versions that share them share the hash.
  const made = new Map<string, string>();
  const keep = (key: string, make: () => ContractSource): string => {
    let hash = made.get(key);
    if (hash === undefined) {
      const source = make();
      hash = contractHash(source);
      contracts.set(hash, source);
      made.set(key, hash);
    }
    return hash;
  };
  const name = (i: number) => `svc-${String(i).padStart(4, '0')}`;
  const hasEvent = (i: number) => i % 4 === 0;
  const consumed: number[][] = [];
  for (let i = 0; i < shape.services; i++) {
    const picks = new Set<number>();
    while (picks.size < shape.consumesPerService) {
      const j = Math.floor(random() * shape.services);
      if (j !== i) picks.add(j);
    }
    consumed.push([...picks]);
  }
  // One in ten consumers reads the field that revision 3 of its provider drops: some verdicts are no.
  const readsDropped = (i: number, j: number) => (i * 31 + j) % 10 === 0;

  const versions: SyntheticVersion[] = [];
  for (let i = 0; i < shape.services; i++) {
    for (let v = 1; v <= shape.versionsPerService; v++) {
      const revision = Math.floor((v - 1) / REVISION_EVERY);
      const expectation = Math.floor((v - 1) / EXPECTATION_EVERY);
      const provides: NormalisedInterface[] = [
        { role: 'provides', interface: `http:${name(i)}`, kind: 'openapi', contract: keep(`api:${i}:${revision}`, () => openapiDocument(name(i), revision)), required: true },
      ];
      if (hasEvent(i)) {
        provides.push({
          role: 'provides',
          interface: `event:${name(i)}-changed`,
          kind: 'jsonschema',
          contract: keep(`event:${i}:${revision}`, () => eventSchema(name(i), revision, true)),
          required: true,
          retention: '30d',
          retentionMs: 30 * 24 * HOUR,
        });
      }
      const consumes: NormalisedInterface[] = consumed[i]!.map((j, k) => {
        const useEvent = hasEvent(j) && k % 2 === 0;
        return useEvent
          ? { role: 'consumes', interface: `event:${name(j)}-changed`, kind: 'jsonschema', contract: keep(`reader:${j}:${Math.min(expectation, 1)}`, () => eventSchema(name(j), Math.min(expectation, 1), false)), required: true }
          : {
              role: 'consumes',
              interface: `http:${name(j)}`,
              kind: 'openapi',
              contract: keep(`subset:${j}:${expectation}:${readsDropped(i, j)}`, () => openapiSubset(name(j), expectation, readsDropped(i, j))),
              operations: [`get${pascal(name(j))}Item0`, `get${pascal(name(j))}Item1`],
              required: true,
            };
      });
      versions.push({ service: name(i), version: `1.${v}.0`, provides, consumes, publishedAt: new Date(START + (v * 24 + (i % 24)) * HOUR).toISOString() });
    }
  }

  const spans: SyntheticSpan[] = [];
  const candidates: SyntheticOrg['candidates'] = [];
  shape.environments.forEach((environment, e) => {
    // dev runs the newest version, each later environment one or two behind; the eight before it ran in turn.
    for (let i = 0; i < shape.services; i++) {
      const liveVersion = shape.versionsPerService - 1 - e - (i % 3 === 0 ? 1 : 0);
      const at = (v: number) => new Date(START + (v * 24 + 12 + (i % 24)) * HOUR).toISOString();
      for (let v = liveVersion - 8; v < liveVersion; v++) spans.push({ environment, service: name(i), version: `1.${v}.0`, target: 'default', since: at(v), until: at(v + 1) });
      spans.push({ environment, service: name(i), version: `1.${liveVersion}.0`, target: 'default', since: at(liveVersion), until: null });
      if (i % 10 === 5) spans.push({ environment, service: name(i), version: `1.${liveVersion - 1}.0`, target: 'canary', since: at(liveVersion), until: null });
      candidates.push({ service: name(i), version: `1.${liveVersion + 1}.0`, environment });
    }
  });
  return { contracts, versions, spans, candidates };
}

function openapiDocument(service: string, revision: number): ContractSource {
  const paths: Record<string, unknown> = {};
  for (let op = 0; op < 6; op++) {
    const properties: Record<string, unknown> = {};
    for (let p = 0; p < 12 + revision; p++) {
      if (revision >= 3 && p === 11) continue; // revision 3 drops a field some consumers read
      properties[`field${p}`] = p % 3 === 0 ? { type: 'string', maxLength: 200, description: `Field ${p} of item ${op}.` } : p % 3 === 1 ? { type: 'integer', minimum: 0 } : { type: 'number' };
    }
    paths[`/${service}/items${op}/{id}`] = {
      get: {
        operationId: `get${pascal(service)}Item${op}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The item.', content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } },
          '404': { description: 'No such item.' },
        },
      },
    };
  }
  const text = JSON.stringify({ openapi: '3.1.0', info: { title: service, version: `${revision}` }, paths }, null, 2);
  return { kind: 'openapi', entry: 'openapi.json', files: { 'openapi.json': text } };
}

function openapiSubset(service: string, expectation: number, readsDropped: boolean): ContractSource {
  const paths: Record<string, unknown> = {};
  for (let op = 0; op < 2; op++) {
    const fields = [0, 1, 2, 3 + (expectation % 4), ...(readsDropped ? [11] : [])];
    const properties = Object.fromEntries(fields.map((p) => [`field${p}`, p % 3 === 0 ? { type: 'string' } : p % 3 === 1 ? { type: 'integer' } : { type: 'number' }]));
    paths[`/${service}/items${op}/{id}`] = {
      get: {
        operationId: `get${pascal(service)}Item${op}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The item.', content: { 'application/json': { schema: { type: 'object', required: fields.map((p) => `field${p}`), properties } } } } },
      },
    };
  }
  const text = JSON.stringify({ openapi: '3.1.0', info: { title: `${service} as used`, version: `${expectation}` }, paths }, null, 2);
  return { kind: 'openapi', entry: 'openapi.json', files: { 'openapi.json': text } };
}

function eventSchema(service: string, revision: number, writer: boolean): ContractSource {
  const count = writer ? 16 + revision : 6;
  const properties = Object.fromEntries(Array.from({ length: count }, (_, p) => [`attr${p}`, p % 2 === 0 ? { type: 'string' } : { type: 'integer' }]));
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${service} changed`,
    type: 'object',
    required: ['attr0', 'attr1'],
    properties,
    ...(writer ? { additionalProperties: false } : {}),
  };
  return { kind: 'jsonschema', entry: 'event.json', files: { 'event.json': JSON.stringify(schema, null, 2) } };
}

function pascal(text: string): string {
  return text.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
