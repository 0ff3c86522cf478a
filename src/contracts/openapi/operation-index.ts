import { childOf, entriesOf, isObject, itemsOf, type Located } from './located.ts';
import type { OpenApiDocument } from './openapi-document.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface MediaEntry {
  readonly at: Located;
  readonly schema?: Located;
}

export interface ParameterEntry {
  /** Stable identity: `query:name`, `header:name` (lower case), `path:#0` (by position). */
  readonly key: string;
  readonly name: string;
  readonly in: string;
  readonly at: Located;
  readonly required: boolean;
  readonly schema?: Located;
  readonly style?: string;
  readonly explode?: boolean;
  readonly deprecated: boolean;
}

export interface BodyEntry {
  readonly at: Located;
  readonly required: boolean;
  readonly content: ReadonlyMap<string, MediaEntry>;
}

export interface HeaderEntry {
  readonly at: Located;
  readonly required: boolean;
  readonly schema?: Located;
}

export interface ResponseEntry {
  readonly at: Located;
  readonly content: ReadonlyMap<string, MediaEntry>;
  /** Lower-case header name -> header. */
  readonly headers: ReadonlyMap<string, HeaderEntry>;
}

export interface OperationEntry {
  /** Stable identity: upper-case method and the path with parameter names erased, `GET /pets/{}`. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly at: Located;
  readonly operationId?: string;
  readonly parameters: ReadonlyMap<string, ParameterEntry>;
  readonly body?: BodyEntry;
  readonly responses: ReadonlyMap<string, ResponseEntry>;
  /** Effective security: the operation's own, else the document's; undefined means none declared. */
  readonly security?: Located;
  readonly deprecated: boolean;
  readonly sunset?: string;
  readonly stability?: unknown;
  /**
   * Callbacks and webhooks: the provider sends the request and the client answers, so the request
   * body is judged like a response and the answers like requests.
   */
  readonly flipped?: boolean;
}

/** Indexes every operation of a document by stable identity; Swagger 2.0 is read into the 3.x shape. */
export function indexOperations(doc: OpenApiDocument): Map<string, OperationEntry> {
  const out = new Map<string, OperationEntry>();
  const paths = childOf(doc.root, 'paths');
  const swagger = doc.version === '2.0';
  const rootSecurity = childOf(doc.root, 'security');
  const consumes = stringList(childOf(doc.root, 'consumes')?.node) ?? ['application/json'];
  const produces = stringList(childOf(doc.root, 'produces')?.node) ?? ['application/json'];
  const pending: { path: string; rawItem: Located; prefix: string; flipped: boolean }[] = entriesOf(paths).map(([path, rawItem]) => ({ path, rawItem, prefix: '', flipped: false }));
  for (const [name, rawItem] of entriesOf(childOf(doc.root, 'webhooks'))) pending.push({ path: name, rawItem, prefix: 'WEBHOOK ', flipped: true });
  for (let next = pending.shift(); next; next = pending.shift()) {
    const { path, rawItem, prefix, flipped } = next;
    if (path.startsWith('x-')) continue;
    const item = doc.resolve(rawItem);
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    const normalised = path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '') || '/';
    const shared = itemsOf(childOf(item, 'parameters'));
    for (const method of METHODS) {
      const at = childOf(item, method);
      if (!at || !isObject(at.node)) continue;
      const op = at.node;
      const parameters = new Map<string, ParameterEntry>();
      let body: BodyEntry | undefined;
      const formFields: [string, Located, boolean][] = [];
      for (const raw of [...shared, ...itemsOf(childOf(at, 'parameters'))]) {
        const param = doc.resolve(raw);
        if (!isObject(param.node)) continue;
        const location = String(param.node.in ?? '');
        const name = String(param.node.name ?? '');
        if (swagger && location === 'body') {
          const schema = childOf(param, 'schema');
          const opConsumes = stringList(op.consumes) ?? consumes;
          body = { at: param, required: param.node.required === true, content: new Map(opConsumes.map((type) => [type, { at: param, ...(schema ? { schema } : {}) }])) };
          continue;
        }
        if (swagger && location === 'formData') {
          formFields.push([name, param, param.node.required === true]);
          continue;
        }
        const position = names.indexOf(name);
        const key = location === 'path' ? `path:#${position < 0 ? name : position}` : location === 'header' ? `header:${name.toLowerCase()}` : `${location}:${name}`;
        const schema = swagger ? param : (childOf(param, 'schema') ?? firstContentSchema(param));
        parameters.set(key, {
          key,
          name,
          in: location,
          at: param,
          required: location === 'path' || param.node.required === true,
          ...(schema ? { schema } : {}),
          ...(typeof param.node.style === 'string' ? { style: param.node.style } : {}),
          ...(typeof param.node.explode === 'boolean' ? { explode: param.node.explode } : {}),
          deprecated: param.node.deprecated === true,
        });
      }
      if (!swagger) {
        const rawBody = childOf(at, 'requestBody');
        if (rawBody) {
          const resolved = doc.resolve(rawBody);
          body = { at: resolved, required: isObject(resolved.node) && resolved.node.required === true, content: contentOf(doc, resolved) };
        }
      } else if (formFields.length > 0 && !body) {
        body = formBody(at, formFields, stringList(op.consumes) ?? ['application/x-www-form-urlencoded']);
      }
      const responses = new Map<string, ResponseEntry>();
      const opProduces = stringList(op.produces) ?? produces;
      for (const [status, rawResponse] of entriesOf(childOf(at, 'responses'))) {
        if (status.startsWith('x-')) continue;
        const response = doc.resolve(rawResponse);
        const headers = new Map<string, HeaderEntry>();
        for (const [name, rawHeader] of entriesOf(childOf(response, 'headers'))) {
          const header = doc.resolve(rawHeader);
          const schema = swagger ? header : (childOf(header, 'schema') ?? firstContentSchema(header));
          headers.set(name.toLowerCase(), { at: header, required: isObject(header.node) && header.node.required === true, ...(schema ? { schema } : {}) });
        }
        let content: Map<string, MediaEntry>;
        if (swagger) {
          const schema = childOf(response, 'schema');
          content = new Map(schema ? opProduces.map((type) => [type, { at: response, schema }]) : []);
        } else content = contentOf(doc, response);
        responses.set(status.toUpperCase(), { at: response, content, headers });
      }
      const key = `${prefix}${method.toUpperCase()} ${flipped ? path : normalised}`;
      for (const [name, callback] of entriesOf(childOf(at, 'callbacks'))) {
        for (const [expression, callbackItem] of entriesOf(doc.resolve(callback))) {
          if (pending.length < 10_000) pending.push({ path: expression, rawItem: callbackItem, prefix: `${key} callback ${name} `, flipped: true });
        }
      }
      const security = childOf(at, 'security') ?? rootSecurity;
      out.set(key, {
        key,
        method: method.toUpperCase(),
        path,
        at,
        ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
        parameters,
        ...(body ? { body } : {}),
        responses,
        ...(security ? { security } : {}),
        deprecated: op.deprecated === true,
        ...(op['x-sunset'] !== undefined ? { sunset: String(op['x-sunset']) } : {}),
        ...(op['x-stability-level'] !== undefined ? { stability: op['x-stability-level'] } : {}),
        ...(flipped ? { flipped } : {}),
      });
    }
  }
  return out;
}

function contentOf(doc: OpenApiDocument, owner: Located): Map<string, MediaEntry> {
  const out = new Map<string, MediaEntry>();
  for (const [type, media] of entriesOf(childOf(owner, 'content'))) {
    const schema = childOf(doc.resolve(media), 'schema');
    out.set(type.toLowerCase().split(';')[0]!.trim(), { at: media, ...(schema ? { schema } : {}) });
  }
  return out;
}

function firstContentSchema(owner: Located): Located | undefined {
  const content = entriesOf(childOf(owner, 'content'))[0];
  return content ? childOf(content[1], 'schema') : undefined;
}

/** Swagger 2.0 form fields become one object schema, so they compare like a 3.x form body. */
function formBody(at: Located, fields: [string, Located, boolean][], types: string[]): BodyEntry {
  const properties: Record<string, unknown> = {};
  for (const [name, field] of fields) properties[name] = field.node;
  const schema: Located = {
    file: at.file,
    pointer: `${at.pointer}/parameters`,
    node: { type: 'object', properties, required: fields.filter(([, , required]) => required).map(([name]) => name) },
  };
  // required-ness lives on the fields; the body itself is never reported as becoming required
  return { at: schema, required: false, content: new Map(types.map((type) => [type, { at: schema, schema }])) };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') && value.length > 0 ? (value as string[]) : undefined;
}
