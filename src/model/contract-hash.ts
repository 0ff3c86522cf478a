import { createHash } from 'node:crypto';
import type { ContractSource } from './contract-source.ts';

/**
 * The content address of a contract: sha256 over a canonical JSON form (sorted file paths,
 * line endings normalised), so the same documents always get the same hash wherever they come from.
 */
export function contractHash(source: ContractSource): string {
  const files = Object.keys(source.files)
    .sort()
    .map((path) => [path, source.files[path]!.replace(/\r\n/g, '\n')]);
  const canonical = JSON.stringify({ kind: source.kind, entry: source.entry, files });
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}
