import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ContractSource } from '../../../src/model/contract-source.ts';

/** Corpora are read in place, next to the project (see the corpora README). */
export const CORPUS = join(import.meta.dirname, '../../../../shared/corpora');

/** Reads a corpus document with every sibling file it may reference, keyed relative to its folder. */
export function corpusSource(path: string): ContractSource {
  const absolute = join(CORPUS, path);
  const text = readFileSync(absolute, 'utf8');
  const files: Record<string, string> = { [basename(absolute)]: text };
  for (const match of text.matchAll(/\$ref["']?\s*:\s*["']?([^"'#\s,}]+)/g)) {
    const target = match[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    try {
      files[relative(dirname(absolute), join(dirname(absolute), target))] = readFileSync(join(dirname(absolute), target), 'utf8');
    } catch {
      // a reference to a missing file is the engine's to report
    }
  }
  return { kind: 'openapi', entry: basename(absolute), files };
}

/** A source from inline text, for table cases. */
export function textSource(text: string, entry = 'openapi.yaml'): ContractSource {
  return { kind: 'openapi', entry, files: { [entry]: text } };
}
