import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { StepwiseError } from '../model/errors.ts';

/**
 * Reads a contract from disk together with every file it references (relative `$ref`s in OpenAPI
 * and JSON Schema, `import`s in protobuf), so the engine receives self-contained text. Paths in
 * the result are relative to `baseDir` with forward slashes. References that leave `baseDir` or
 * point at URLs are left to the engine, which reports them.
 */
export async function loadContractSource(kind: ContractKind, entryPath: string, baseDir: string): Promise<ContractSource> {
  const root = resolve(baseDir);
  const files: Record<string, string> = {};
  const entry = toKey(root, resolve(root, entryPath));
  const pending = [entry];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (key in files) continue;
    const absolute = join(root, key);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      throw new StepwiseError('CONTRACT_INVALID', `cannot read contract ${key}: ${reason}`, { file: key });
    }
    files[key] = text;
    for (const reference of referencedFiles(kind, text)) {
      const target = kind === 'protobuf' ? resolveImport(root, absolute, reference) : resolve(dirname(absolute), reference);
      if (!target.startsWith(root + sep) && target !== root) continue;
      pending.push(toKey(root, target));
    }
  }
  return { kind, entry, files };
}

function toKey(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** Relative file references named by the document; cheap textual scan, the engine parses properly. */
function referencedFiles(kind: ContractKind, text: string): string[] {
  const found = new Set<string>();
  if (kind === 'protobuf') {
    for (const match of text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)) found.add(match[1]!);
  } else {
    for (const match of text.matchAll(/["']?\$ref["']?\s*:\s*["']?([^"'#\s,}]+)(?:#[^"'\s,}]*)?["']?/g)) {
      const target = match[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) found.add(target);
    }
  }
  return [...found];
}

/** protobuf imports are relative to the import root; the entry's directory is the usual one. */
function resolveImport(root: string, importer: string, reference: string): string {
  const fromRoot = resolve(root, reference);
  const fromImporter = resolve(dirname(importer), reference);
  return fromRoot.startsWith(root) && reference.includes('/') ? fromRoot : fromImporter;
}
