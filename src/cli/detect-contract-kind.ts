import type { ContractKind } from '../model/contract-kind.ts';

/**
 * Guesses a contract's kind from its path and text: a directory or `.proto` file is protobuf, an
 * `.avsc` file Avro, a document with a top-level `openapi` or `swagger` key OpenAPI, anything else
 * JSON Schema. `--kind` overrides the guess.
 */
export function detectContractKind(path: string, isDirectory: boolean, text: string | undefined): ContractKind {
  if (isDirectory || path.endsWith('.proto')) return 'protobuf';
  if (path.endsWith('.avsc')) return 'avro';
  // anywhere in the file: a top-level YAML key sits at column 0, and generated specs do not always start with it
  if (text !== undefined && (/^["']?(openapi|swagger)["']?\s*:\s*["']?[23]/m.test(text) || /"(openapi|swagger)"\s*:\s*"[23]/.test(text))) return 'openapi';
  return 'jsonschema';
}
