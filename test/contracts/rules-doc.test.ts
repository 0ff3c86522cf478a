import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../../scripts/generate-rules-doc.ts';

test('docs/rules.md is generated from the current catalog (run scripts/generate-rules-doc.ts)', () => {
  const onDisk = readFileSync(join(import.meta.dirname, '../../docs/rules.md'), 'utf8');
  assert.equal(onDisk, renderRulesDoc(), 'docs/rules.md is stale: run `node --import tsx scripts/generate-rules-doc.ts`');
});
