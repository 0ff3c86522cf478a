import type { ContractSource } from '../../model/contract-source.ts';
import { ContractError } from '../contract-error.ts';
import { SchemaDocument } from './schema-document.ts';
import { escapePointer, isSchemaObject, unescapePointer, type Dialect, type SchemaNode, type SchemaValue } from './schema-node.ts';

/** Keywords whose values are data, not schemas: never searched for `$id`s. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'required', 'dependentRequired']);

/**
 * Every document of one contract, with `$id` and `$anchor` indexes, resolving `$ref`s inside a
 * file and across the files of the source. Nodes are interned by document and pointer, so the same
 * schema reached twice is the same node (which is what breaks cycles).
 */
export class SchemaSet {
  readonly entry: SchemaDocument;
  readonly dialect: Dialect;
  readonly side: string;
  private readonly byUri = new Map<string, { doc: SchemaDocument; pointer: string }>();
  private readonly nodes = new Map<string, SchemaNode>();
  private readonly docs = new Map<string, SchemaDocument>();
  private readonly baseOf = new Map<string, string>();
  /** Files with an `$id` below their root, whose nodes must look their base up. */
  private readonly rebased = new Set<string>();

  constructor(source: ContractSource, side: string) {
    this.side = side;
    const entryText = source.files[source.entry];
    if (entryText === undefined) throw new ContractError(`entry ${source.entry} is not among the contract's files`, { pointer: '', file: source.entry });
    this.entry = SchemaDocument.parse(source.entry, entryText);
    this.dialect = this.entry.dialect;
    this.addDocument(this.entry);
    for (const [file, text] of Object.entries(source.files)) {
      if (file === source.entry) continue;
      if (!/\.(json|ya?ml)$/i.test(file)) continue;
      this.addDocument(SchemaDocument.parse(file, text, this.dialect));
    }
  }

  get documents(): SchemaDocument[] {
    return [...this.docs.values()];
  }

  root(): SchemaNode {
    return this.node(this.entry, '');
  }

  /** The node at `pointer` in `doc`; throws a located error when the pointer leads nowhere. */
  node(doc: SchemaDocument, pointer: string, from?: SchemaNode): SchemaNode {
    return this.nodes.get(`${this.side}:${doc.file}#${pointer}`) ?? this.make(doc, pointer, valueAt(doc.json, pointer), from);
  }

  child(parent: SchemaNode, ...path: (string | number)[]): SchemaNode {
    let pointer = parent.pointer;
    for (const part of path) pointer += `/${escapePointer(String(part))}`;
    const known = this.nodes.get(`${this.side}:${parent.doc.file}#${pointer}`);
    if (known) return known;
    // read from the parent's value rather than from the document root: the same value, found without re-walking the pointer
    let value: unknown = parent.schema;
    for (const part of path) value = Array.isArray(value) ? value[Number(part)] : isSchemaObject(value) && Object.prototype.hasOwnProperty.call(value, part) ? value[part] : undefined;
    return this.make(parent.doc, pointer, value, parent);
  }

  private make(doc: SchemaDocument, pointer: string, value: unknown, from?: SchemaNode): SchemaNode {
    const key = `${this.side}:${doc.file}#${pointer}`;
    if (typeof value !== 'boolean' && !isSchemaObject(value)) {
      const where = from ? from.doc.location(from.pointer) : { pointer, file: doc.file };
      throw new ContractError(`${value === undefined ? 'nothing' : 'not a schema'} at ${doc.file}#${pointer}`, where);
    }
    const created: SchemaNode = { id: key, schema: value as SchemaValue, doc, pointer, base: this.baseFor(doc, pointer) };
    this.nodes.set(key, created);
    return created;
  }

  /** Resolves `$ref` (or `$recursiveRef`/`$dynamicRef` read as plain refs) of `from` to its target node. */
  resolve(from: SchemaNode, reference: string): SchemaNode {
    let target: URL;
    try {
      target = new URL(reference, from.base);
    } catch {
      throw new ContractError(`malformed $ref "${reference}"`, from.doc.location(`${from.pointer}/$ref`));
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    target.hash = '';
    const resource = this.byUri.get(target.href);
    if (!resource) {
      throw new ContractError(`$ref "${reference}" points to ${target.href}, which is not among the contract's files`, from.doc.location(`${from.pointer}/$ref`));
    }
    if (fragment === '' || fragment.startsWith('/')) return this.node(resource.doc, resource.pointer + fragment, from);
    const anchored = this.byUri.get(`${target.href}#${fragment}`);
    if (!anchored) throw new ContractError(`$ref "${reference}": no $anchor "${fragment}"`, from.doc.location(`${from.pointer}/$ref`));
    return this.node(anchored.doc, anchored.pointer, from);
  }

  private addDocument(doc: SchemaDocument): void {
    this.docs.set(doc.file, doc);
    const fileUri = new URL(doc.file.split('/').map(encodeURIComponent).join('/'), 'stepwise:///').href;
    this.byUri.set(fileUri, { doc, pointer: '' });
    this.indexIds(doc, doc.json, [], fileUri);
  }

  /**
   * Records `$id`s and anchors, and the base URI wherever an `$id` changes it (a node's base is
   * that of its nearest recorded ancestor). The pointer is built only where something is recorded.
   */
  private indexIds(doc: SchemaDocument, value: unknown, path: string[], base: string): void {
    if (!isSchemaObject(value)) {
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (typeof item !== 'object' || item === null) continue;
          path.push(String(index));
          this.indexIds(doc, item, path, base);
          path.pop();
        }
      }
      return;
    }
    let current = base;
    const id = value['$id'] ?? (doc.dialect === 'draft-07' ? value['id'] : undefined);
    if (typeof id === 'string' && !(doc.dialect === 'draft-07' && '$ref' in value)) {
      try {
        const url = new URL(id, base);
        const fragment = url.hash.slice(1);
        url.hash = '';
        current = url.href;
        if (fragment) this.byUri.set(`${current}#${fragment}`, { doc, pointer: pointerOf(path) });
        else this.byUri.set(current, { doc, pointer: pointerOf(path) });
      } catch {
        throw new ContractError(`malformed $id "${id}"`, doc.location(`${pointerOf(path)}/$id`));
      }
    }
    for (const anchorKey of ['$anchor', '$dynamicAnchor']) {
      const anchor = value[anchorKey];
      if (typeof anchor === 'string') this.byUri.set(`${current}#${anchor}`, { doc, pointer: pointerOf(path) });
    }
    if (path.length === 0) this.baseOf.set(`${doc.file}#`, current);
    else if (current !== base) {
      this.baseOf.set(`${doc.file}#${pointerOf(path)}`, current);
      this.rebased.add(doc.file);
    }
    for (const key in value) {
      if (DATA_KEYWORDS.has(key)) continue;
      const child = value[key];
      if (typeof child !== 'object' || child === null) continue;
      path.push(escapePointer(key));
      this.indexIds(doc, child, path, current);
      path.pop();
    }
  }

  private baseFor(doc: SchemaDocument, pointer: string): string {
    let current = this.rebased.has(doc.file) ? pointer : '';
    for (;;) {
      const found = this.baseOf.get(`${doc.file}#${current}`);
      if (found) return found;
      if (current === '') return new URL(doc.file, 'stepwise:///').href;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
}

function pointerOf(path: readonly string[]): string {
  return path.length === 0 ? '' : `/${path.join('/')}`;
}

export function valueAt(json: unknown, pointer: string): unknown {
  if (pointer === '') return json;
  let current: unknown = json;
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapePointer(raw);
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isSchemaObject(current)) current = Object.prototype.hasOwnProperty.call(current, token) ? current[token] : undefined;
    else return undefined;
  }
  return current;
}
