import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContractDirectory } from '../../../src/files/load-contract-directory.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import type { Finding } from '../../../src/model/finding.ts';

/** The buf breaking-change corpus, read in place from the shared corpora beside the project. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/protobuf-buf/', import.meta.url));

export interface ExpectedFinding {
  readonly path?: string;
  readonly start_line: number;
  readonly type: string;
  readonly message: string;
}

export interface CorpusCase {
  readonly name: string;
  readonly previous: ContractSource;
  readonly current: ContractSource;
  readonly expected: readonly ExpectedFinding[];
}

export function corpusCaseNames(): string[] {
  return readdirSync(join(CORPUS, 'previous')).sort();
}

export async function loadCorpusCase(name: string): Promise<CorpusCase> {
  const expected = readFileSync(join(CORPUS, 'expected', `${name}.jsonl`), 'utf8')
    .split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as ExpectedFinding);
  return {
    name,
    previous: await loadContractDirectory('protobuf', join(CORPUS, 'previous', name)),
    current: await loadContractDirectory('protobuf', join(CORPUS, 'current', name)),
    expected,
  };
}

/** Rule + file + line: how a finding is matched to buf's. A finding without a place sits on line 1. */
export function matchKey(rule: string, path: string | undefined, line: number | undefined): string {
  return `${rule}|${path ?? ''}|${line ?? 1}`;
}

export function findingKey(finding: Finding): string {
  return matchKey(finding.rule, finding.after?.file, finding.after ? finding.after.line : undefined);
}

export interface CaseScore {
  readonly reproduced: number;
  readonly missed: string[];
  readonly extra: string[];
}

/** Multiset match of our findings against buf's expected ones. */
export function scoreCase(expected: readonly ExpectedFinding[], findings: readonly Finding[]): CaseScore {
  const pool = new Map<string, number>();
  for (const finding of findings) pool.set(findingKey(finding), (pool.get(findingKey(finding)) ?? 0) + 1);
  let reproduced = 0;
  const missed: string[] = [];
  for (const entry of expected) {
    const key = matchKey(entry.type, entry.path, entry.start_line);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      pool.set(key, left - 1);
      reproduced += 1;
    } else {
      missed.push(`${key} ${entry.message}`);
    }
  }
  const extra: string[] = [];
  for (const finding of findings) {
    const key = findingKey(finding);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      pool.set(key, left - 1);
      extra.push(`${key} ${finding.message}`);
    }
  }
  return { reproduced, missed, extra };
}
