import type { RuleDefinition } from '../rule.ts';

type Entry = readonly [id: string, categories: readonly string[], severity: RuleDefinition['severity'], purpose: string];

const ENTRIES: readonly Entry[] = [
  ['FIELD_DEFAULT_REQUIRED', ['FIELD'], 'breaking', 'Checks that every reader field the writer does not write has a default.'],
  ['FIELD_DEFAULT_VALID', ['FIELD'], 'breaking', 'Checks that a default used for a missing field is a value of the field type.'],
  ['FIELD_TYPE_PROMOTABLE', ['FIELD', 'TYPE'], 'breaking', 'Checks that each writer type is the reader type or one Avro promotes to it.'],
  ['LOGICAL_TYPE_NO_CHANGE', ['TYPE'], 'warning', 'Checks that a value keeps its logical type between writer and reader.'],
  ['ENUM_SYMBOL_NO_DELETE', ['ENUM'], 'breaking', 'Checks that the reader enum lists every symbol the writer may write, or has a default.'],
  ['ENUM_SYMBOL_READ_AS_DEFAULT', ['ENUM'], 'warning', 'Checks that no writer symbol is silently read as the reader enum default.'],
  ['FIXED_SIZE_NO_CHANGE', ['TYPE'], 'breaking', 'Checks that a fixed type keeps its size.'],
  ['NAMED_TYPE_NAME_MATCH', ['NAME'], 'breaking', 'Checks that named types keep their full name or list the old one among their aliases.'],
  ['UNION_BRANCH_NO_DELETE', ['UNION'], 'breaking', 'Checks that every branch the writer may write resolves to a branch of the reader.'],
  ['SCHEMA_RESOLVABLE', ['SCHEMA'], 'breaking', 'Checks that avsc resolves the reader against the writer, as a safety net under the other rules.'],
];

/** The Avro rule catalog. */
export const AVRO_RULES: readonly RuleDefinition[] = ENTRIES.map(([id, categories, severity, purpose]) => ({
  id,
  kind: 'avro' as const,
  categories: [...categories, 'RESOLUTION'],
  severity,
  direction: 'message' as const,
  purpose,
  byDefault: true,
}));

/** One fixed sentence per rule, filled from details. */
export function renderAvroMessage(rule: string, subject: string, details: Readonly<Record<string, unknown>>): string {
  const d = (key: string): string => JSON.stringify(details[key]);
  switch (rule) {
    case 'FIELD_DEFAULT_REQUIRED':
      return `${subject}: the reader expects field ${d('field')}, which the writer does not write, and it has no default`;
    case 'FIELD_DEFAULT_VALID':
      return `${subject}: the default ${d('default')} is not a value of the field's type`;
    case 'FIELD_TYPE_PROMOTABLE':
      return `${subject}: the writer writes ${d('writer')}, which the reader cannot read as ${d('reader')}`;
    case 'LOGICAL_TYPE_NO_CHANGE':
      return `${subject}: the logical type changes from ${d('writer')} to ${d('reader')}`;
    case 'ENUM_SYMBOL_NO_DELETE':
      return `${subject}: the writer may write symbol ${d('symbol')}, which enum ${d('enum')} of the reader does not list and it has no default`;
    case 'ENUM_SYMBOL_READ_AS_DEFAULT':
      return `${subject}: symbol ${d('symbol')} is read as the default ${d('default')}`;
    case 'FIXED_SIZE_NO_CHANGE':
      return `${subject}: the fixed size changes from ${d('writer')} to ${d('reader')}`;
    case 'NAMED_TYPE_NAME_MATCH':
      return `${subject}: the writer's ${d('writer')} does not match the reader's ${d('reader')} (aliases ${d('aliases')})`;
    case 'UNION_BRANCH_NO_DELETE':
      return `${subject}: the writer may write ${d('writerBranch')}, which no reader branch of ${d('readerBranches')} reads`;
    case 'SCHEMA_RESOLVABLE':
      return `${subject}: avsc cannot resolve the reader against the writer: ${String(details['reason'])}`;
    default:
      return `${subject}: ${rule}`;
  }
}
