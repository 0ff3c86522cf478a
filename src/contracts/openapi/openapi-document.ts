import type { ContractSource } from '../../model/contract-source.ts';
import { ContractError } from '../contract-error.ts';
import { isObject, type JsonObject, type Located } from './located.ts';
import type { SharedBlocks } from './block-yaml.ts';
import { parseText, type ParsedFile } from './parse-text.ts';

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

/**
 * A parsed OpenAPI or Swagger document with lazy `$ref` resolution: nothing is dereferenced up
 * front (fully dereferencing a multi-megabyte spec with circular schemas is what makes other tools
 * slow), each reference is followed when a comparison reaches it, and chains are cycle-guarded.
 */
export class OpenApiDocument {
  readonly version: OpenApiVersion;
  readonly root: Located;
  private readonly files = new Map<string, ParsedFile>();
  private readonly resolved = new Map<string, Located>();
  /**
   * The same cache keyed by the `$ref` object itself, which saves building a key string on every
   * lookup: a parsed object belongs to one file of this document, and what a reference resolves
   * to depends only on that file and the reference text.
   */
  private readonly resolvedByNode = new WeakMap<object, Located>();

  /**
   * `shared` is given to both documents of one comparison: their entry files then share the
   * parsed values of identical blocks (referenced files do not: a file's relative `$ref`s mean
   * different things in different places, and subtree results are cached per value).
   */
  constructor(
    readonly source: ContractSource,
    private readonly shared?: SharedBlocks,
  ) {
    const entry = this.parsed(source.entry, { file: source.entry, pointer: '' });
    if (!isObject(entry.value)) throw new ContractError('an OpenAPI document must be an object', { file: source.entry, pointer: '', line: 1 });
    this.root = { file: source.entry, pointer: '', node: entry.value };
    this.version = detectVersion(entry.value, source.entry);
    if (entry.value.paths !== undefined && !isObject(entry.value.paths)) {
      throw new ContractError('`paths` must be an object', this.where({ file: source.entry, pointer: '/paths' }));
    }
  }

  /** Follows `$ref` until a node that is not a reference; returns the node itself otherwise. */
  resolve(at: Located): Located {
    if (!isObject(at.node) || typeof at.node.$ref !== 'string') return at;
    const byNode = this.resolvedByNode.get(at.node);
    if (byNode) return byNode;
    const key = `${at.file}#${at.pointer}`;
    const cached = this.resolved.get(key);
    if (cached) {
      this.resolvedByNode.set(at.node, cached);
      return cached;
    }
    const seen = new Set<string>();
    let current = at;
    while (isObject(current.node) && typeof current.node.$ref === 'string') {
      const here = `${current.file}#${current.pointer}`;
      if (seen.has(here)) throw new ContractError(`circular $ref chain ${[...seen].join(' -> ')}`, this.where(at));
      seen.add(here);
      current = this.target(current, current.node.$ref);
    }
    this.resolved.set(key, current);
    this.resolvedByNode.set(at.node, current);
    return current;
  }

  /** The stable identity of a node after resolution: `file#pointer`. */
  identity(at: Located): string {
    const target = this.resolve(at);
    return `${target.file}#${target.pointer}`;
  }

  /** The `$ref` text of a node before resolution, if it is a reference. */
  static refOf(at: Located | undefined): string | undefined {
    return at && isObject(at.node) && typeof at.node.$ref === 'string' ? at.node.$ref : undefined;
  }

  /** Looks up the lines of many places at once: one pass over each file's text. */
  locate(places: readonly { file: string; pointer: string }[]): void {
    const byFile = new Map<string, string[]>();
    for (const place of places) byFile.set(place.file, [...(byFile.get(place.file) ?? []), place.pointer]);
    for (const [file, pointers] of byFile) this.files.get(file)?.locator.locate(pointers);
  }

  /** A source location with the line where the file's text places the pointer. */
  where(at: { file: string; pointer: string }): { pointer: string; file: string; line?: number } {
    const line = this.files.get(at.file)?.locator.lineOf(at.pointer);
    return line === undefined ? { pointer: at.pointer, file: at.file } : { pointer: at.pointer, file: at.file, line };
  }

  private target(from: Located, ref: string): Located {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      throw new ContractError(`remote reference ${ref} is not supported: vendor the file next to the contract`, this.where(from));
    }
    const file = filePart === '' ? from.file : joinPath(from.file, filePart);
    const parsed = this.parsed(file, from);
    let node: unknown = parsed.value;
    if (pointer !== '' && !pointer.startsWith('/')) throw new ContractError(`$ref ${ref} is not a JSON pointer`, this.where(from));
    for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
      if (node === undefined) throw new ContractError(`$ref ${ref} points at nothing`, this.where(from));
    }
    return { file, pointer, node };
  }

  private parsed(file: string, from: { file: string; pointer: string }): ParsedFile {
    let parsed = this.files.get(file);
    if (!parsed) {
      const text = this.source.files[file];
      if (text === undefined) throw new ContractError(`referenced file ${file} is not part of the contract`, this.where(from));
      parsed = parseText(file, text, file === this.source.entry ? this.shared : undefined);
      this.files.set(file, parsed);
    }
    return parsed;
  }
}

function detectVersion(root: JsonObject, file: string): OpenApiVersion {
  if (typeof root.swagger === 'string' || typeof root.swagger === 'number') {
    if (String(root.swagger).startsWith('2')) return '2.0';
    throw new ContractError(`unsupported swagger version ${String(root.swagger)}`, { file, pointer: '/swagger' });
  }
  if (typeof root.openapi === 'string') {
    if (root.openapi.startsWith('3.1') || root.openapi.startsWith('3.2')) return '3.1';
    if (root.openapi.startsWith('3.0')) return '3.0';
    throw new ContractError(`unsupported openapi version ${root.openapi}`, { file, pointer: '/openapi' });
  }
  throw new ContractError('not an OpenAPI document: no `openapi` or `swagger` field', { file, pointer: '' });
}

function joinPath(fromFile: string, relative: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const segment of relative.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}
