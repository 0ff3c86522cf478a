import { parse } from 'yaml';
import { ContractError } from '../contract-error.ts';

/** The parts of a buf.yaml (v1beta1, v1 or v2) that decide which breaking rules run and on which files. */
export interface BufConfig {
  /** `v1beta1`, `v1` or `v2`; older versions know fewer rules. */
  readonly version: string;
  readonly use: readonly string[];
  readonly except: readonly string[];
  /** Paths (files or directories, relative to the module root) whose findings are dropped. */
  readonly ignore: readonly string[];
  readonly ignoreUnstablePackages: boolean;
  /** v2: no built-in rules unless `use` names some. */
  readonly disableBuiltin: boolean;
  /** v1beta1 `build.roots`: import roots; file paths are taken relative to them. */
  readonly roots: readonly string[];
  /** v2 `policies`: further rule selections, each from its own policy file, added to this one. */
  readonly policies: readonly BufConfig[];
}

export const EMPTY_BUF_CONFIG: BufConfig = { version: 'v2', use: [], except: [], ignore: [], ignoreUnstablePackages: false, disableBuiltin: false, roots: [], policies: [] };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function readBufConfig(text: string, file: string, files: Readonly<Record<string, string>> = {}): BufConfig {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    const position = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new ContractError(`buf.yaml is not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      pointer: '', file, line: position?.line, column: position?.col,
    });
  }
  const root = record(document);
  const modules = Array.isArray(root.modules) ? root.modules.map(record) : [];
  const breaking = record(root.breaking ?? modules.find((module) => module.breaking)?.breaking);
  const build = record(root.build);
  return {
    version: typeof root.version === 'string' ? root.version : 'v1',
    use: strings(breaking.use),
    except: strings(breaking.except),
    ignore: strings(breaking.ignore),
    ignoreUnstablePackages: breaking.ignore_unstable_packages === true,
    disableBuiltin: breaking.disable_builtin === true,
    roots: strings(build.roots),
    policies: (Array.isArray(root.policies) ? root.policies.map(record) : [])
      .map((policy) => (typeof policy.policy === 'string' ? policy.policy : ''))
      .filter((path) => files[path] !== undefined)
      .map((path) => readBufConfig(files[path]!, path)),
  };
}

/** Finds the buf.yaml of a contract source: at its root, or beside its entry file. */
export function findBufConfig(files: Readonly<Record<string, string>>, entry: string): BufConfig {
  const beside = entry.includes('/') ? `${entry.slice(0, entry.lastIndexOf('/'))}/buf.yaml` : 'buf.yaml';
  for (const candidate of ['buf.yaml', beside]) {
    const text = files[candidate];
    if (text !== undefined) return readBufConfig(text, candidate, files);
  }
  return EMPTY_BUF_CONFIG;
}
