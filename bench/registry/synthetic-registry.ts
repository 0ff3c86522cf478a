import type { Publication } from '../../src/manifest/publication.ts';
import type { ContractSource } from '../../src/model/contract-source.ts';

/**
 * A deterministic, realistic registry: services with OpenAPI contracts of a few to tens of KB that
 * change every few versions, consumers that name the operations they use, and event schemas shared
 * by many services (so many versions point at the same contract hashes).
 */
export interface RegistryShape {
  readonly services: number;
  readonly versions: number;
  /** A service's own contract changes once every this many versions. */
  readonly contractEvery: number;
  /** Distinct event schemas shared across the fleet. */
  readonly sharedEvents: number;
}

export const DEFAULT_SHAPE: RegistryShape = { services: 2_000, versions: 50, contractEvery: 10, sharedEvents: 200 };

export const serviceName = (index: number) => `svc-${String(index).padStart(4, '0')}`;
export const versionName = (index: number) => `1.${Math.floor(index / 10)}.${index % 10}`;

/** Small, seeded PRNG so every run builds the same registry. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function openapi(service: number, revision: number): ContractSource {
  const next = random(service * 7919 + revision);
  const resources = 4 + Math.floor(next() * 12); // 4..15 resources: ~5-30 KB documents
  const lines = ['openapi: 3.1.0', 'info:', `  title: ${serviceName(service)}`, `  version: '${revision}'`, 'paths:'];
  const schemas: string[] = ['components:', '  schemas:'];
  for (let r = 0; r < resources; r++) {
    const name = `Resource${r}`;
    const path = `/r${r}`;
    lines.push(
      `  ${path}:`,
      '    get:',
      `      operationId: list${name}`,
      '      parameters:',
      '        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 500 } }',
      '        - { name: cursor, in: query, schema: { type: string } }',
      '      responses:',
      "        '200':",
      '          description: a page',
      '          content:',
      '            application/json:',
      `              schema: { type: array, items: { $ref: '#/components/schemas/${name}' } }`,
      '    post:',
      `      operationId: create${name}`,
      '      requestBody:',
      '        required: true',
      `        content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } }`,
      '      responses:',
      "        '201': { description: created }",
      "        '400': { description: invalid }",
      `  ${path}/{id}:`,
      '    get:',
      `      operationId: get${name}`,
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses:',
      `        '200': { description: one, content: { application/json: { schema: { $ref: '#/components/schemas/${name}' } } } }`,
      "        '404': { description: missing }",
    );
    schemas.push(`    ${name}:`, '      type: object', '      required: [id]', '      properties:', '        id: { type: string }');
    const fields = 5 + Math.floor(next() * 15) + revision;
    for (let f = 0; f < fields; f++) {
      const type = ['string', 'integer', 'boolean', 'number'][Math.floor(next() * 4)];
      schemas.push(`        field${f}: { type: ${type}, description: 'Field ${f} of ${name}, kept for revision ${revision}.' }`);
    }
  }
  return { kind: 'openapi', entry: 'openapi.yaml', files: { 'openapi.yaml': [...lines, ...schemas, ''].join('\n') } };
}

function eventSchema(index: number): ContractSource {
  const properties: Record<string, unknown> = { id: { type: 'string' }, occurredAt: { type: 'string', format: 'date-time' } };
  for (let f = 0; f < 20; f++) properties[`attribute${f}`] = { type: f % 3 === 0 ? 'integer' : 'string', description: `Attribute ${f} of event ${index}` };
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: `event-${index}`, type: 'object', required: ['id', 'occurredAt'], properties };
  return { kind: 'jsonschema', entry: `event-${index}.json`, files: { [`event-${index}.json`]: JSON.stringify(schema, null, 2) } };
}

/** The publication of version `version` of service `service`. */
export function publicationOf(shape: RegistryShape, service: number, version: number, events: readonly ContractSource[]): Publication {
  const next = random(service * 104729 + 17);
  const produced = Math.floor(next() * shape.sharedEvents);
  const read = [Math.floor(next() * shape.sharedEvents), Math.floor(next() * shape.sharedEvents)].filter((event) => event !== produced);
  const callees = [1, 2, 3].map((step) => (service + step * 37) % shape.services).filter((callee) => callee !== service);
  return {
    version: versionName(version),
    owner: `team-${service % 120}`,
    provides: [
      { interface: `http:${serviceName(service)}`, kind: 'openapi', contract: openapi(service, Math.floor(version / shape.contractEvery)) },
      { interface: `event:e${produced}`, kind: 'jsonschema', formats: { 'application/json': events[produced]! }, retention: '30d' },
    ],
    consumes: [
      ...callees.map((callee, index) => ({
        interface: `http:${serviceName(callee)}`,
        kind: 'openapi' as const,
        operations: [`getResource${index}`, `listResource${index}`],
      })),
      ...[...new Set(read)].map((event) => ({ interface: `event:e${event}`, kind: 'jsonschema' as const, formats: { 'application/json': events[event]! }, required: false })),
    ],
    run: { command: 'node server.js', health: '/healthz' },
  };
}

export function sharedEvents(shape: RegistryShape): ContractSource[] {
  return Array.from({ length: shape.sharedEvents }, (_, index) => eventSchema(index));
}
