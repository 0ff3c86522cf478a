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
    const key = `${this.side}:${doc.file}#${pointer}`;
    const known = this.nodes.get(key);
    if (known) return known;
    const value = valueAt(doc.json, pointer);
    if (typeof value !== 'boolean' && !isSchemaObject(value)) {
      const where = from ? from.doc.location(from.pointer) : { pointer, file: doc.file };
      throw new ContractError(`${value === undefined ? 'nothing' : 'not a schema'} at ${doc.file}#${pointer}`, where);
    }
    const created: SchemaNode = { id: key, schema: value as SchemaValue, doc, pointer, base: this.baseFor(doc, pointer) };
    this.nodes.set(key, created);
    return created;
  }

  child(parent: SchemaNode, ...path: (string | number)[]): SchemaNode {
    const pointer = parent.pointer + path.map((part) => `/${escapePointer(String(part))}`).join('');
    return this.node(parent.doc, pointer, parent);
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
    this.indexIds(doc, doc.json, '', fileUri);
  }

  private indexIds(doc: SchemaDocument, value: unknown, pointer: string, base: string): void {
    if (!isSchemaObject(value)) {
      if (Array.isArray(value)) value.forEach((item, index) => this.indexIds(doc, item, `${pointer}/${index}`, base));
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
        if (fragment) this.byUri.set(`${current}#${fragment}`, { doc, pointer });
        else this.byUri.set(current, { doc, pointer });
      } catch {
        throw new ContractError(`malformed $id "${id}"`, doc.location(`${pointer}/$id`));
      }
    }
    for (const anchorKey of ['$anchor', '$dynamicAnchor']) {
      const anchor = value[anchorKey];
      if (typeof anchor === 'string') this.byUri.set(`${current}#${anchor}`, { doc, pointer });
    }
    this.baseOf.set(`${doc.file}#${pointer}`, current);
    for (const [key, child] of Object.entries(value)) {
      if (DATA_KEYWORDS.has(key)) continue;
      if (typeof child === 'object' && child !== null) this.indexIds(doc, child, `${pointer}/${escapePointer(key)}`, current);
    }
  }

  private baseFor(doc: SchemaDocument, pointer: string): string {
    let current = pointer;
    for (;;) {
      const found = this.baseOf.get(`${doc.file}#${current}`);
      if (found) return found;
      if (current === '') return new URL(doc.file, 'stepwise:///').href;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
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
