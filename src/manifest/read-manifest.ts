import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ManifestSchema, type Manifest } from '../model/manifest.ts';
import { StepwiseError } from '../model/errors.ts';

export interface LoadedManifest {
  readonly manifest: Manifest;
  /** Path as given, for messages. */
  readonly file: string;
  /** Directory contract paths are relative to. */
  readonly dir: string;
  /** Line (1-based) of the node at a JSON pointer, or of its closest parent. */
  lineOf(pointer: string): number | undefined;
}

/**
 * Reads and validates `stepwise.yaml`. Every problem is reported with the file and line it is on,
 * all at once, so one run shows everything to fix.
 */
export async function readManifest(path: string): Promise<LoadedManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new StepwiseError('MANIFEST_INVALID', `${path}: ${reason}`, { file: path });
  }
  return parseManifest(text, path, dirname(resolve(path)));
}

export function parseManifest(text: string, file: string, dir: string): LoadedManifest {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new StepwiseError('MANIFEST_INVALID', `${file}:${line}: ${syntax.message.split('\n')[0]}`, { file, line });
  }
  const lineOf = (pointer: string) => lineAt(document, lineCounter, pointer);
  const value: unknown = document.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new StepwiseError('MANIFEST_INVALID', `${file}:1: the manifest must be a mapping with at least \`service:\``, { file, line: 1 });
  }
  const problems = describeErrors(value).map(({ pointer, message }) => ({ pointer, line: lineOf(pointer), message }));
  problems.push(...duplicateInterfaces(value as Manifest).map((pointer) => ({ pointer, line: lineOf(pointer), message: 'this interface is listed twice' })));
  const first = problems[0];
  if (first) {
    const lines = problems.map((problem) => `${file}:${problem.line ?? 1}: ${problem.pointer || '(root)'}: ${problem.message}`);
    throw new StepwiseError('MANIFEST_INVALID', lines.join('\n'), { file, line: first.line ?? 1, pointer: first.pointer }, { problems: lines });
  }
  return { manifest: value as Manifest, file, dir, lineOf };
}

// Ajv rather than typebox/value: same schema, but it loads in a tenth of the time, and every CLI run pays that.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(ManifestSchema);

/** Schema errors, one per field (a union reports every branch it tried; the first says enough). */
function describeErrors(value: unknown): { pointer: string; message: string }[] {
  const seen = new Set<string>();
  const out: { pointer: string; message: string }[] = [];
  validate(value);
  for (const error of validate.errors ?? []) {
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    if (error.keyword === 'additionalProperties') {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      pointer = `${pointer}/${name}`;
      message = `unknown field \`${name}\``;
    } else if (error.keyword === 'required') {
      const name = (error.params as { missingProperty: string }).missingProperty;
      pointer = `${pointer}/${name}`;
      message = `missing required field \`${name}\``;
    } else if (error.keyword === 'pattern') {
      message = patternMessage(pointer) ?? message;
    } else if (error.keyword === 'anyOf' || error.keyword === 'const') {
      message = `must be one of ${enumerate(error.schemaPath)}`;
    }
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    out.push({ pointer, message });
  }
  return out;
}

function patternMessage(pointer: string): string | undefined {
  if (pointer.endsWith('/interface')) return 'must be an interface id `<kind>:<name>` with kind http, grpc, event, store or db, e.g. `http:orders`';
  if (pointer === '/service') return 'must be lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit';
  if (pointer.endsWith('/retention')) return 'must be a duration like `30d`, `12h` or `90m`';
  return undefined;
}

function enumerate(schemaPath: string): string {
  if (schemaPath.includes('/kind')) return 'openapi, protobuf, jsonschema, avro';
  return 'the allowed values';
}

function duplicateInterfaces(manifest: Manifest): string[] {
  const pointers: string[] = [];
  for (const role of ['provides', 'consumes'] as const) {
    const seen = new Set<string>();
    (manifest[role] ?? []).forEach((entry, index) => {
      if (typeof entry?.interface !== 'string') return;
      if (seen.has(entry.interface)) pointers.push(`/${role}/${index}/interface`);
      seen.add(entry.interface);
    });
  }
  return pointers;
}

function lineAt(document: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const path = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  // Walk down as far as the path exists; a missing field points at its parent.
  let node: unknown = document.contents;
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === key);
      if (pair) offset = (pair.key as { range?: [number] } | null)?.range?.[0] ?? offset;
      next = pair?.value;
    } else if (isSeq(node)) {
      next = node.items[Number(key)];
      offset = (next as { range?: [number] } | null)?.range?.[0] ?? offset;
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
