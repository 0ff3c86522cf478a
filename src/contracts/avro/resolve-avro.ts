import type { AvroField, AvroType } from './avro-schema.ts';

/** One problem of reading data written with one schema through another, located on both sides. */
export interface AvroProblem {
  readonly rule: string;
  readonly subject: string;
  readonly writer?: { readonly file: string; readonly pointer: string; readonly doc: AvroType['doc'] };
  readonly reader?: { readonly file: string; readonly pointer: string; readonly doc: AvroType['doc'] };
  readonly details: Readonly<Record<string, unknown>>;
  readonly undecided?: boolean;
}

const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

/**
 * Avro schema resolution (the specification's rules for a reader reading a writer's data), walked
 * in full: every mismatch is reported, not just the first one a library would throw. Named types
 * already being compared are assumed to match, so recursive schemas terminate.
 */
export function resolveAvro(writer: AvroType, reader: AvroType): AvroProblem[] {
  const problems: AvroProblem[] = [];
  const active = new Set<string>();
  visit(writer, reader, subjectOf(reader));
  return problems;

  function at(type: { doc: AvroType['doc']; pointer: string }) {
    return { file: type.doc.file, pointer: type.pointer, doc: type.doc };
  }

  function report(rule: string, subject: string, w: { doc: AvroType['doc']; pointer: string } | undefined, r: { doc: AvroType['doc']; pointer: string } | undefined, details: Record<string, unknown>, undecided = false): void {
    problems.push({ rule, subject, ...(w ? { writer: at(w) } : {}), ...(r ? { reader: at(r) } : {}), details, ...(undecided ? { undecided } : {}) });
  }

  /** Whether the writer type can be read as the reader type at all (used to pick a union branch). */
  function matches(w: AvroType, r: AvroType): boolean {
    if (r.kind === 'union') return r.branches.some((b) => matches(w, b));
    if (w.kind === 'union') return w.branches.every((b) => matches(b, r));
    if (w.kind === 'primitive' && r.kind === 'primitive') return w.name === r.name || (PROMOTIONS[w.name] ?? []).includes(r.name);
    if (w.kind !== r.kind) return false;
    if (w.kind === 'record' || w.kind === 'enum' || w.kind === 'fixed') return namesMatch(w, r as typeof w);
    return true;
  }

  function visit(w: AvroType, r: AvroType, subject: string): void {
    if (w.kind === 'union') {
      w.branches.forEach((branch) => {
        if (r.kind === 'union') {
          const target = r.branches.find((b) => matches(branch, b));
          if (!target) report('UNION_BRANCH_NO_DELETE', subject, branch, r, { writerBranch: label(branch), readerBranches: r.branches.map(label) });
          else visit(branch, target, subject);
        } else if (!matches(branch, r)) {
          report('UNION_BRANCH_NO_DELETE', subject, branch, r, { writerBranch: label(branch), readerBranches: [label(r)] });
        } else {
          visit(branch, r, subject);
        }
      });
      return;
    }
    if (r.kind === 'union') {
      const target = r.branches.find((b) => matches(w, b));
      if (!target) report('UNION_BRANCH_NO_DELETE', subject, w, r, { writerBranch: label(w), readerBranches: r.branches.map(label) });
      else visit(w, target, subject);
      return;
    }
    if (w.kind === 'primitive' && r.kind === 'primitive') {
      if (w.name !== r.name && !(PROMOTIONS[w.name] ?? []).includes(r.name)) report('FIELD_TYPE_PROMOTABLE', subject, w, r, { writer: w.name, reader: r.name });
      else if ((w.logicalType ?? '') !== (r.logicalType ?? '')) report('LOGICAL_TYPE_NO_CHANGE', subject, w, r, { writer: w.logicalType ?? null, reader: r.logicalType ?? null }, true);
      return;
    }
    if (w.kind !== r.kind) {
      report('FIELD_TYPE_PROMOTABLE', subject, w, r, { writer: label(w), reader: label(r) });
      return;
    }
    switch (w.kind) {
      case 'array':
        visit(w.items, (r as typeof w).items, `${subject}[]`);
        return;
      case 'map':
        visit(w.values, (r as typeof w).values, `${subject}{}`);
        return;
      case 'fixed': {
        const rf = r as typeof w;
        if (!namesMatch(w, rf)) report('NAMED_TYPE_NAME_MATCH', subject, w, rf, { writer: w.name, reader: rf.name, aliases: rf.aliases });
        if (w.size !== rf.size) report('FIXED_SIZE_NO_CHANGE', subject, w, rf, { writer: w.size, reader: rf.size });
        return;
      }
      case 'enum': {
        const re = r as typeof w;
        if (!namesMatch(w, re)) report('NAMED_TYPE_NAME_MATCH', subject, w, re, { writer: w.name, reader: re.name, aliases: re.aliases });
        const missing = w.symbols.filter((s) => !re.symbols.includes(s));
        for (const symbol of missing) {
          if (re.default === undefined) report('ENUM_SYMBOL_NO_DELETE', `${subject}.${symbol}`, w, re, { symbol, enum: re.name });
          else report('ENUM_SYMBOL_READ_AS_DEFAULT', `${subject}.${symbol}`, w, re, { symbol, enum: re.name, default: re.default }, true);
        }
        return;
      }
      case 'record':
        visitRecord(w, r as typeof w, subject);
        return;
    }
  }

  function visitRecord(w: AvroType & { kind: 'record' }, r: AvroType & { kind: 'record' }, subject: string): void {
    if (!namesMatch(w, r)) report('NAMED_TYPE_NAME_MATCH', subject, w, r, { writer: w.name, reader: r.name, aliases: r.aliases });
    const key = `${w.name}->${r.name}`;
    if (active.has(key)) return;
    active.add(key);
    for (const field of r.fields) {
      const source = writerField(w, field);
      const path = `${subject}.${field.name}`;
      if (!source) {
        if (!field.hasDefault) report('FIELD_DEFAULT_REQUIRED', path, w, field, { field: field.name, record: r.name });
        else if (!defaultFits(field.type, field.default)) report('FIELD_DEFAULT_VALID', path, w, { doc: field.doc, pointer: `${field.pointer}/default` }, { field: field.name, default: field.default });
        continue;
      }
      visit(source.type, field.type, path);
    }
    active.delete(key);
  }
}

/** The writer field a reader field reads: same name, or a name among the reader field's aliases. */
function writerField(w: AvroType & { kind: 'record' }, field: AvroField): AvroField | undefined {
  return w.fields.find((f) => f.name === field.name) ?? w.fields.find((f) => field.aliases.includes(f.name));
}

/** Named types match by full name or by a reader alias; an unqualified alias also matches the short name. */
function namesMatch(w: { name: string }, r: { name: string; aliases: readonly string[] }): boolean {
  if (w.name === r.name) return true;
  if (r.aliases.includes(w.name)) return true;
  const short = w.name.slice(w.name.lastIndexOf('.') + 1);
  return r.aliases.some((alias) => alias === short);
}

/** An Avro field default is a value of the union's first branch, or of the type itself. */
function defaultFits(type: AvroType, value: unknown): boolean {
  const target = type.kind === 'union' ? type.branches[0] : type;
  if (!target) return false;
  switch (target.kind) {
    case 'primitive':
      switch (target.name) {
        case 'null':
          return value === null;
        case 'boolean':
          return typeof value === 'boolean';
        case 'int':
        case 'long':
          return typeof value === 'number' && Number.isInteger(value);
        case 'float':
        case 'double':
          return typeof value === 'number';
        default:
          return typeof value === 'string';
      }
    case 'enum':
      return typeof value === 'string' && target.symbols.includes(value);
    case 'fixed':
      return typeof value === 'string' && value.length === target.size;
    case 'array':
      return Array.isArray(value);
    case 'map':
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

function label(type: AvroType): string {
  if (type.kind === 'primitive') return type.name;
  if (type.kind === 'record' || type.kind === 'enum' || type.kind === 'fixed') return type.name;
  if (type.kind === 'union') return `[${type.branches.map(label).join(', ')}]`;
  return type.kind;
}

function subjectOf(type: AvroType): string {
  return type.kind === 'record' || type.kind === 'enum' || type.kind === 'fixed' ? type.name : label(type);
}

export { defaultFits };
