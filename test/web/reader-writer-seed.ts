import assert from 'node:assert/strict';
import type { TestServer } from '../support/server.ts';

// The Reader/Writer story: Writer 1 stores XML reports, Writer 2 JSON; Reader 1 reads XML only,
// Reader 1.1 reads both.
const reportSchema = {
  kind: 'jsonschema' as const,
  entry: 'report.schema.json',
  files: {
    'report.schema.json': JSON.stringify({ type: 'object', required: ['id', 'total'], properties: { id: { type: 'string' }, total: { type: 'number' } } }),
  },
};

const writer = (version: string, mediaType: string) => ({
  version,
  owner: 'team-reports',
  provides: [{ interface: 'store:reports', kind: 'jsonschema', formats: { [mediaType]: reportSchema } }],
  consumes: [],
});

const reader = (version: string, mediaTypes: string[]) => ({
  version,
  owner: 'team-insights',
  provides: [],
  consumes: [{ interface: 'store:reports', kind: 'jsonschema', formats: Object.fromEntries(mediaTypes.map((m) => [m, reportSchema])) }],
});

/** Publishes the story's versions, creates staging and production, and deploys version 1 of both. */
export async function seedReaderWriter(server: TestServer): Promise<void> {
  const publications: Array<[string, object]> = [
    ['writer', writer('1.0.0', 'application/xml')],
    ['writer', writer('2.0.0', 'application/json')],
    ['reader', reader('1.0.0', ['application/xml'])],
    ['reader', reader('1.1.0', ['application/xml', 'application/json'])],
  ];
  for (const [service, body] of publications) {
    const response = await server.request('POST', `/v1/services/${service}/versions`, body);
    assert.equal(response.status, 201, JSON.stringify(response.body));
  }
  for (const name of ['staging', 'production']) assert.equal((await server.request('POST', '/v1/environments', { name })).status, 201);
  for (const environment of ['staging', 'production']) {
    for (const service of ['writer', 'reader']) {
      const response = await server.request('POST', `/v1/environments/${environment}/deployments`, { service, version: '1.0.0', kind: 'deployed' });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    }
  }
}
