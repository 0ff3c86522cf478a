import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { ContractError } from '../contract-error.ts';
import { readBlockYaml, type SharedBlocks } from './block-yaml.ts';
import { LineLocator } from './line-locator.ts';

/** One parsed file of a contract: its plain value and a way back to line numbers. */
export interface ParsedFile {
  readonly file: string;
  readonly value: unknown;
  readonly locator: LineLocator;
}

/**
 * Parses JSON or YAML text. JSON goes through `JSON.parse`. YAML first goes to a reader of the
 * block style specs are written in (`block-yaml.ts`), which gives js-yaml's value about twice as
 * fast; text it declines goes through js-yaml in JSON mode, which tolerates the duplicate keys
 * some published specs contain (last one wins, as JSON does). The YAML 1.2 core schema keeps dates
 * such as `x-sunset: 2025-01-01` as the strings JSON would carry. Errors name the file and line.
 * `shared` lets two versions of one document share the values of their identical blocks.
 */
export function parseText(file: string, text: string, shared?: SharedBlocks): ParsedFile {
  const trimmed = text.trimStart();
  let value: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      const line = position ? lineAt(text, Number(position[1])) : undefined;
      throw new ContractError(`not valid JSON: ${(error as Error).message}`, { pointer: '', file, ...(line ? { line } : {}) });
    }
  } else {
    const fast = readBlockYaml(text, shared);
    if (fast) return { file, value: fast.value, locator: new LineLocator(text) };
    try {
      value = load(text, { json: true, filename: file, schema: CORE_SCHEMA });
    } catch (error) {
      if (error instanceof YAMLException) {
        const mark = error.mark;
        throw new ContractError(`not valid YAML: ${error.reason}`, { pointer: '', file, ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) });
      }
      throw new ContractError(`not valid YAML: ${(error as Error).message}`, { pointer: '', file });
    }
  }
  return { file, value, locator: new LineLocator(text) };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
