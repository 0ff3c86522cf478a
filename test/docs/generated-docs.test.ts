import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCliDoc } from '../../scripts/generate-cli-doc.ts';
import { loadOpenApiDocument, renderApiDoc } from '../../scripts/generate-api-doc.ts';

const docs = join(import.meta.dirname, '../../docs');

test('docs/cli.md is the help of the current commands (run scripts/generate-cli-doc.ts)', () => {
  const generated = renderCliDoc();
  assert.match(generated, /^## stepwise can-i-deploy$/m);
  assert.equal(readFileSync(join(docs, 'cli.md'), 'utf8'), generated, 'docs/cli.md is stale: run `node --import tsx scripts/generate-cli-doc.ts`');
});

test('docs/api.md is the current /openapi.json (run scripts/generate-api-doc.ts)', async () => {
  const generated = renderApiDoc(await loadOpenApiDocument());
  assert.match(generated, /^### `POST \/v1\/can-i-deploy`$/m);
  assert.equal(readFileSync(join(docs, 'api.md'), 'utf8'), generated, 'docs/api.md is stale: run `node --import tsx scripts/generate-api-doc.ts`');
});
