import type { TestServer } from '../../support/server.ts';

const schema = (closed: boolean) =>
  JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['id', 'total'],
    properties: { id: { type: 'string' }, total: { type: 'number' } },
    ...(closed ? { additionalProperties: false } : {}),
  });

const source = (name: string, closed: boolean) => ({ kind: 'jsonschema', entry: `${name}.json`, files: { [`${name}.json`]: schema(closed) } });
const formats = (types: string[], closed: boolean) => Object.fromEntries(types.map((type) => [type, source(`report-${type.split('/')[1]}`, closed)]));

/** The Reader/Writer article's system, published over the API: Writer moves reports from XML to JSON. */
export const READER_WRITER: Record<string, { service: string; body: unknown }> = {
  'writer@1': { service: 'writer', body: { version: '1', provides: [{ interface: 'store:reports', kind: 'jsonschema', formats: formats(['application/xml'], true) }], consumes: [] } },
  'writer@2': { service: 'writer', body: { version: '2', provides: [{ interface: 'store:reports', kind: 'jsonschema', formats: formats(['application/json'], true) }], consumes: [] } },
  'reader@1': { service: 'reader', body: { version: '1', provides: [], consumes: [{ interface: 'store:reports', kind: 'jsonschema', formats: formats(['application/xml'], false) }] } },
  'reader@2': {
    service: 'reader',
    body: { version: '2', provides: [], consumes: [{ interface: 'store:reports', kind: 'jsonschema', formats: formats(['application/xml', 'application/json'], false) }] },
  },
};

export async function publishReaderWriter(server: TestServer, environment: string): Promise<void> {
  const created = await server.request('POST', '/v1/environments', { name: environment });
  if (created.status !== 201) throw new Error(`creating ${environment}: ${created.status} ${JSON.stringify(created.body)}`);
  for (const [name, { service, body }] of Object.entries(READER_WRITER)) {
    const published = await server.request('POST', `/v1/services/${service}/versions`, body);
    if (published.status !== 201) throw new Error(`publishing ${name}: ${published.status} ${JSON.stringify(published.body)}`);
  }
}

export async function recordDeployment(server: TestServer, environment: string, service: string, version: string): Promise<void> {
  const recorded = await server.request('POST', `/v1/environments/${environment}/deployments`, { service, version, kind: 'deployed' });
  if (recorded.status !== 201) throw new Error(`recording ${service}@${version}: ${recorded.status} ${JSON.stringify(recorded.body)}`);
}
