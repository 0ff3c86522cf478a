import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { loadContractSource } from '../files/load-contract-source.ts';
import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { StepwiseError } from '../model/errors.ts';
import { detectContractKind } from './detect-contract-kind.ts';

/** Reads one side of `stepwise diff`: a contract file with what it references, or a directory of .proto files. */
export async function loadDiffInput(path: string, kind: ContractKind | undefined): Promise<ContractSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new StepwiseError('BAD_INPUT', `cannot read ${path}: file not found`, { file: path });
  }
  if (info.isDirectory()) {
    const chosen = kind ?? 'protobuf';
    const files: Record<string, string> = {};
    for (const file of await listFiles(path)) {
      const key = relative(path, file).split(sep).join('/');
      if (file.endsWith('.proto') || /^buf(\.work)?\.ya?ml$/.test(basename(file))) files[key] = await readFile(file, 'utf8');
    }
    const entry = Object.keys(files).filter((key) => key.endsWith('.proto')).sort()[0];
    if (!entry) throw new StepwiseError('BAD_INPUT', `no .proto file under ${path}`, { file: path });
    return { kind: chosen, entry, files };
  }
  const text = await readFile(path, 'utf8');
  return loadContractSource(kind ?? detectContractKind(path, false, text), basename(path), dirname(path));
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}
