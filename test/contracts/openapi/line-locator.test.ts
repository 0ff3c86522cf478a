import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LineLocator } from '../../../src/contracts/openapi/line-locator.ts';
import { parseText } from '../../../src/contracts/openapi/parse-text.ts';

const specs = fileURLToPath(new URL('../../../../shared/corpora/big-specs/', import.meta.url));

/** Pointers to object keys, depth first, every `step`-th one, so all levels and both ends of the text are sampled. */
function samplePointers(value: unknown, step: number): { pointer: string; key: string }[] {
  const out: { pointer: string; key: string }[] = [];
  let seen = 0;
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 12) return;
    for (const [key, child] of Object.entries(node)) {
      const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!Array.isArray(node) && seen++ % step === 0) out.push({ pointer: here, key });
      visit(child, here, depth + 1);
    }
  };
  visit(value, '', 0);
  return out;
}

for (const file of ['stripe-old.yaml', 'asana.yaml', 'xsoar.json', 'petstorev3.json']) {
  test(`line locator: sampled keys of ${file} land on the line that writes them`, () => {
    const text = readFileSync(join(specs, file), 'utf8');
    const lines = text.split('\n');
    const pointers = samplePointers(parseText(file, text).value, text.length > 1_000_000 ? 97 : text.length > 100_000 ? 7 : 1);
    assert.ok(pointers.length > 300, `${pointers.length} pointers sampled`);
    const locator = new LineLocator(text);
    locator.locate(pointers.map((p) => p.pointer));
    for (const { pointer, key } of pointers) {
      const line = locator.lineOf(pointer);
      assert.ok(line !== undefined && line >= 1, pointer);
      const written = lines[line - 1]!;
      // keys are written bare or quoted; a JSON line holds the key with its quotes
      assert.ok(written.includes(`${key}:`) || written.includes(`${key}":`) || written.includes(`${key}':`), `${pointer} -> line ${line}: ${written.trim().slice(0, 80)}`);
    }
  });
}
