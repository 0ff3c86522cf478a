import type { Publication } from '../../src/manifest/publication.ts';
import { normalisePublication } from '../../src/manifest/normalise-publication.ts';
import type { PublishInput } from '../../src/store/registry/publish-version.ts';

export const usersOpenapi = (description = 'Users') => ({
  kind: 'openapi' as const,
  entry: 'users.yaml',
  files: { 'users.yaml': `openapi: 3.1.0\ninfo: { title: ${description}, version: '1' }\npaths: {}\n` },
});

export const reportSchema = {
  kind: 'jsonschema' as const,
  entry: 'report.schema.json',
  files: { 'report.schema.json': '{"type":"object","properties":{"id":{"type":"string"}}}' },
};

export function publication(version: string, overrides: Partial<Publication> = {}): Publication {
  return {
    version,
    owner: 'team-reports',
    provides: [
      { interface: 'http:users', kind: 'openapi', contract: usersOpenapi() },
      { interface: 'store:reports', kind: 'jsonschema', formats: { 'application/json': reportSchema }, retention: '30d' },
    ],
    consumes: [{ interface: 'http:accounts', kind: 'openapi', operations: ['getAccount'], required: false, flag: 'use-accounts' }],
    run: { command: 'node server.js' },
    ...overrides,
  };
}

export function publishInput(service: string, version: string, overrides: Partial<Publication> = {}, actor = 'tester'): PublishInput {
  return { service, version, normalised: normalisePublication(publication(version, overrides)), actor };
}
