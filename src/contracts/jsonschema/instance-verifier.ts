import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { SchemaSet } from './schema-set.ts';
import type { SchemaNode } from './schema-node.ts';
import { pruneForInstance } from './prune-for-instance.ts';
import { interpretInstance } from './instance-interpreter.ts';

// ajv-formats is CommonJS; depending on the loader its default export is the plugin or a wrapper.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as FormatsPlugin;

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

let serials = 0;

/**
 * Validates instances against one side's documents: the root (to verify a counterexample before
 * it is reported) or any schema inside it (to test enum values exactly). The interpreter answers
 * where it reproduces ajv exactly; ajv, compiled lazily, answers the rest, so a check whose
 * schemas the interpreter covers never pays for compiling.
 */
export class InstanceVerifier {
  private ajv?: AnyAjv;
  private readonly compiled = new Map<string, ValidateFunction | null>();
  private readonly wrappers: object[] = [];
  private readonly serial = ++serials;
  private examples = 0;

  constructor(private readonly set: SchemaSet) {}

  /** Whether `value` is valid under `node`; undefined when ajv cannot compile the schema. */
  accepts(node: SchemaNode, value: unknown): boolean | undefined {
    const interpreted = interpretInstance(this.set, node, value);
    if (interpreted !== undefined) return interpreted;
    const validate = this.compile(node);
    if (!validate) return undefined;
    try {
      return validate(value) === true;
    } catch {
      return undefined;
    }
  }

  /** Validates a whole document against the entry schema, compiled pruned to the document's own properties. */
  acceptsRoot(value: unknown): boolean | undefined {
    const interpreted = interpretInstance(this.set, this.set.root(), value);
    if (interpreted !== undefined) return interpreted;
    const entry = this.set.entry;
    if (typeof entry.json !== 'object' || entry.json === null) return this.accepts(this.set.root(), value);
    const ajv = this.instance();
    const key = `${this.key(entry.file)}?example=${++this.examples}`;
    try {
      ajv.addSchema(stripId(pruneForInstance(entry.json, value) as Record<string, unknown>), key);
      const validate = ajv.getSchema(key);
      return validate ? validate(value) === true : undefined;
    } catch {
      return undefined;
    } finally {
      ajv.removeSchema(key);
    }
  }

  private compile(node: SchemaNode): ValidateFunction | undefined {
    const key = `${node.doc.file}#${node.pointer}`;
    if (!this.compiled.has(key)) {
      let validate: ValidateFunction | null = null;
      try {
        const ajv = this.instance();
        const wrapper = { $ref: `${this.key(node.doc.file)}#${encodePointer(node.pointer)}` };
        this.wrappers.push(wrapper);
        validate = ajv.compile(wrapper);
      } catch {
        validate = null;
      }
      this.compiled.set(key, validate);
    }
    return this.compiled.get(key) ?? undefined;
  }

  private instance(): AnyAjv {
    if (this.ajv) return this.ajv;
    const ajv = shared(this.set.dialect);
    for (const doc of this.set.documents) {
      const json = doc.json;
      const key = this.key(doc.file);
      if (typeof json === 'boolean') ajv.addSchema(json as unknown as object, key);
      else if (typeof json === 'object' && json !== null) ajv.addSchema(stripId(json as Record<string, unknown>), key);
    }
    this.ajv = ajv;
    return ajv;
  }

  private key(file: string): string {
    return new URL(file.split('/').map(encodeURIComponent).join('/'), `stepwise://check-${this.serial}/`).href;
  }

  /** Drops this check's documents and validators from the shared ajv, so memory stays flat. */
  dispose(): void {
    if (!this.ajv) return;
    for (const doc of this.set.documents) this.ajv.removeSchema(this.key(doc.file));
    for (const schema of this.wrappers) this.ajv.removeSchema(schema);
    this.compiled.clear();
    this.ajv = undefined;
  }
}

const instances = new Map<string, AnyAjv>();

/**
 * One ajv per dialect for the whole process: creating and warming an instance costs more than a
 * check, and documents are added under a key unique to their check and removed when it ends.
 */
function shared(dialect: string): AnyAjv {
  let ajv = instances.get(dialect);
  if (!ajv) {
    // ajv's code optimiser costs more than it saves for validators used a handful of times
    const options = { strict: false, validateSchema: false, allErrors: false, logger: false as const, allowUnionTypes: true, unicodeRegExp: true, addUsedSchema: false, code: { optimize: false } };
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv as Ajv);
    instances.set(dialect, ajv);
  }
  return ajv;
}

/**
 * A root `$id` would make ajv register the document under that id only; documents are addressed
 * by file here (as the engine resolves them), so the root id is dropped and nested ids stay.
 */
function stripId(json: Record<string, unknown>): Record<string, unknown> {
  if (typeof json['$id'] !== 'string') return json;
  const { $id: _dropped, ...rest } = json;
  return rest;
}

function encodePointer(pointer: string): string {
  return pointer.split('/').map((part) => encodeURIComponent(part)).join('/');
}
