import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { StepwiseError } from '../model/errors.ts';

const EXTENSIONS: Partial<Record<ContractKind, readonly string[]>> = {
  protobuf: ['.proto'],
};
/** Configuration files a kind reads beside its contracts (buf.yaml and its policy files select protobuf rules). */
const CONFIG_FILES: Partial<Record<ContractKind, readonly RegExp[]>> = {
  protobuf: [/^buf\.yaml$/, /\.ya?ml$/],
};

/**
 * Reads every contract file of a kind under a directory (a protobuf module is a directory of
 * .proto files, not one entry), plus the kind's configuration file at the directory's root.
 * Paths are relative to the directory with forward slashes; the entry is the first file in order.
 */
export async function loadContractDirectory(kind: ContractKind, directory: string): Promise<ContractSource> {
  const extensions = EXTENSIONS[kind] ?? [];
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new StepwiseError('CONTRACT_INVALID', `cannot read contract directory ${dir}: ${(error as Error).message}`, { file: dir });
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path);
      } else if (extensions.some((extension) => entry.name.endsWith(extension))) {
        files[relative(directory, path).split(sep).join('/')] = await readFile(path, 'utf8');
      }
    }
  };
  await walk(directory);
  const contracts = Object.keys(files).sort();
  if (contracts.length === 0) throw new StepwiseError('CONTRACT_INVALID', `no ${kind} files under ${directory}`, { file: directory });
  const patterns = CONFIG_FILES[kind] ?? [];
  const topLevel = await readdir(directory, { withFileTypes: true });
  for (const entry of topLevel) {
    if (!entry.isFile() || !patterns.some((pattern) => pattern.test(entry.name))) continue;
    files[entry.name] = await readFile(join(directory, entry.name), 'utf8');
  }
  return { kind, entry: contracts[0]!, files };
}
