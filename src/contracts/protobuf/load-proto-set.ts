import protobuf from 'protobufjs';
import type { ContractSource } from '../../model/contract-source.ts';
import { ContractError } from '../contract-error.ts';
import { findBufConfig, type BufConfig } from './buf-config.ts';
import { parseProtoFile } from './parse-proto-file.ts';
import type { ProtoFile } from './proto-model.ts';
import { buildProtoSet, type ProtoSet } from './proto-set.ts';

export interface LoadedProtoSet {
  readonly set: ProtoSet;
  readonly config: BufConfig;
}

/**
 * Parses every .proto file of a contract source into one indexed set: first the positional parse
 * the rules need (exact line and column of every element), then protobufjs' parser over the same
 * text as a second opinion, which rejects what protoc would. Paths are taken relative to the
 * buf.yaml build roots and reported as written.
 */
export function loadProtoSet(source: ContractSource): LoadedProtoSet {
  const config = findBufConfig(source.files, source.entry);
  const files: ProtoFile[] = [];
  const displayPaths = new Map<string, string>();
  for (const [path, text] of Object.entries(source.files)) {
    if (!path.endsWith('.proto')) continue;
    const relative = underRoots(path, config.roots);
    if (relative === undefined) continue;
    files.push(parseProtoFile(relative, text));
    if (relative !== path) displayPaths.set(relative, path);
  }
  if (files.length === 0) {
    const where = config.roots.length > 0
      ? { message: `no .proto file under the build roots ${config.roots.join(', ')}`, file: 'buf.yaml' }
      : { message: 'no .proto file in the contract', file: source.entry };
    throw new ContractError(where.message, { pointer: '', file: where.file, line: 1, column: 1 });
  }
  const set = buildProtoSet(files, displayPaths);
  for (const file of files) {
    const path = displayPaths.get(file.path) ?? file.path;
    checkWithProtobufjs(path, source.files[path]!);
  }
  return { set, config };
}

function underRoots(path: string, roots: readonly string[]): string | undefined {
  if (roots.length === 0) return path;
  for (const root of roots) {
    const prefix = root.replace(/\/+$/, '') + '/';
    if (root === '.' ) return path;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return undefined;
}

function checkWithProtobufjs(path: string, text: string): void {
  try {
    protobuf.parse(text, new protobuf.Root(), { keepCase: true, alternateCommentMode: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message)?.[1];
    throw new ContractError(message.replace(/\s*\(line \d+\)$/, '').replace(/^illegal/, 'invalid'), {
      pointer: '', file: path, line: line ? Number(line) : lineNaming(text, message),
    });
  }
}

/** protobufjs names some problems without a line ("duplicate name 'x' in Type Y"): point at the first line naming it. */
function lineNaming(text: string, message: string): number {
  const name = /'([^']+)'/.exec(message)?.[1] ?? /(\w+)$/.exec(message)?.[1];
  if (name) {
    const pattern = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    const index = text.split('\n').findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return 1;
}
