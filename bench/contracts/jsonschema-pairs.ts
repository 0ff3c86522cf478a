/**
 * Generates realistic JSON Schema writer/reader pairs for the benchmark: event documents with
 * nested objects (50–500 properties in all), arrays, shared definitions behind `$ref`, nullable
 * `anyOf`s and discriminated `oneOf`s. The reader is the writer after a few edits, some harmless
 * (widen a type, drop a `required`, add an enum value) and some breaking (narrow a type, add a
 * requirement, close the content model, shorten a string).
 */
export interface SchemaPair {
  readonly dialect: 'draft-07' | '2020-12';
  readonly writer: Record<string, unknown>;
  readonly reader: Record<string, unknown>;
  readonly properties: number;
  readonly edits: readonly string[];
}

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = Record<string, unknown>;

export function generatePairs(count: number, seed: number): SchemaPair[] {
  const rand = random(seed);
  const int = (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const pairs: SchemaPair[] = [];
  for (let index = 0; index < count; index++) {
    const dialect = index % 2 === 0 ? 'draft-07' : '2020-12';
    const defsKey = dialect === 'draft-07' ? 'definitions' : '$defs';
    const target = int(50, 500);
    let made = 0;
    const leaf = (depth: number): Schema => {
      made++;
      const roll = rand();
      if (roll < 0.25) return { type: 'string', ...(rand() < 0.3 ? { maxLength: int(8, 256) } : {}), ...(rand() < 0.15 ? { format: pick(['date-time', 'email', 'uuid', 'uri']) } : {}) };
      if (roll < 0.35) return { type: 'string', enum: Array.from({ length: int(2, 6) }, (_, i) => `V${i}`) };
      if (roll < 0.5) return { type: 'integer', minimum: 0, ...(rand() < 0.3 ? { maximum: int(100, 100000) } : {}) };
      if (roll < 0.58) return { type: 'number' };
      if (roll < 0.64) return { type: 'boolean' };
      if (roll < 0.7) return { anyOf: [{ type: 'string' }, { type: 'null' }] };
      if (roll < 0.75) return { $ref: `#/${defsKey}/${pick(['Money', 'Address'])}` };
      if (roll < 0.8 && depth < 3) return { type: 'array', items: object(depth + 1, int(2, 8)), maxItems: int(10, 1000) };
      if (roll < 0.84) return { type: 'array', items: { type: 'string' } };
      if (roll < 0.87 && depth < 3) {
        return { oneOf: [{ type: 'object', properties: { kind: { const: 'card' }, last4: { type: 'string' } }, required: ['kind'] }, { type: 'object', properties: { kind: { const: 'bank' }, iban: { type: 'string' } }, required: ['kind'] }] };
      }
      if (depth < 3) return object(depth + 1, int(3, 20));
      return { type: 'string' };
    };
    const object = (depth: number, size: number): Schema => {
      const properties: Record<string, Schema> = {};
      for (let i = 0; i < size && made < target; i++) properties[`field_${depth}_${i}_${made}`] = leaf(depth);
      const names = Object.keys(properties);
      return { type: 'object', properties, required: names.filter(() => rand() < 0.4), ...(rand() < 0.3 ? { additionalProperties: false } : {}) };
    };
    const root = object(0, 40);
    while (made < target) {
      const extra = object(1, int(10, 40));
      (root['properties'] as Record<string, Schema>)[`section_${made}`] = extra;
    }
    const writer: Schema = {
      $schema: dialect === 'draft-07' ? 'http://json-schema.org/draft-07/schema#' : 'https://json-schema.org/draft/2020-12/schema',
      ...root,
      [defsKey]: {
        Money: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } }, required: ['amount', 'currency'] },
        Address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string', maxLength: 10 } } },
      },
    };
    const reader = structuredClone(writer);
    const edits: string[] = [];
    const objects: Schema[] = [];
    const collect = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const s = schema as Schema;
      if (s['type'] === 'object' && s['properties']) objects.push(s);
      for (const value of Object.values(s)) if (typeof value === 'object') collect(value);
    };
    collect(reader);
    // every pair carries one to three applied edits: unchanged schemas would flatter the figures
    const editCount = int(1, 3);
    for (let e = 0, attempts = 0; edits.length < editCount && attempts < 50; e++, attempts++) {
      const target = pick(objects);
      const props = target['properties'] as Record<string, Schema>;
      const names = Object.keys(props);
      if (names.length === 0) continue;
      const name = pick(names);
      const prop = props[name]!;
      const kind = pick(['widen', 'unrequire', 'enum-add', 'narrow', 'require', 'close', 'shorten', 'enum-remove', 'add-property'] as const);
      if (kind === 'widen' && prop['type'] === 'integer') prop['type'] = 'number';
      else if (kind === 'unrequire') target['required'] = ((target['required'] as string[]) ?? []).slice(1);
      else if (kind === 'enum-add' && Array.isArray(prop['enum'])) prop['enum'] = [...(prop['enum'] as string[]), 'NEW'];
      else if (kind === 'narrow' && prop['type'] === 'number') prop['type'] = 'integer';
      else if (kind === 'require') target['required'] = [...new Set([...((target['required'] as string[]) ?? []), name])];
      else if (kind === 'close') target['additionalProperties'] = false;
      else if (kind === 'shorten' && prop['type'] === 'string') prop['maxLength'] = 4;
      else if (kind === 'enum-remove' && Array.isArray(prop['enum'])) prop['enum'] = (prop['enum'] as string[]).slice(1);
      else if (kind === 'add-property') props[`added_${e}`] = { type: 'string' };
      else continue;
      edits.push(kind);
    }
    pairs.push({ dialect, writer, reader, properties: made, edits });
  }
  return pairs;
}
