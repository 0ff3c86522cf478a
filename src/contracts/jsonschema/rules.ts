import type { RuleDefinition } from '../rule.ts';

type Entry = readonly [id: string, categories: readonly string[], severity: RuleDefinition['severity'], purpose: string];

const ENTRIES: readonly Entry[] = [
  ['TYPE_NO_NARROW', ['TYPE'], 'breaking', 'Checks that the reader accepts every type of value the writer may write.'],
  ['ENUM_VALUE_NO_DELETE', ['ENUM'], 'breaking', 'Checks that a reader enum or const lists every value the writer may write.'],
  ['NUMBER_RANGE_NO_NARROW', ['NUMBER'], 'breaking', 'Checks that the reader minimum and maximum admit every number the writer may write.'],
  ['NUMBER_MULTIPLE_NO_NARROW', ['NUMBER'], 'breaking', 'Checks that every number the writer may write is a multiple of the reader multipleOf.'],
  ['STRING_LENGTH_NO_NARROW', ['STRING'], 'breaking', 'Checks that the reader minLength and maxLength admit every string the writer may write.'],
  ['STRING_PATTERN_NO_NARROW', ['STRING'], 'breaking', 'Checks that every string the writer may write matches the reader pattern, warning when two patterns cannot be compared.'],
  ['STRING_FORMAT_NO_NARROW', ['STRING'], 'breaking', 'Checks that every string the writer may write has the format the reader asserts.'],
  ['ARRAY_LENGTH_NO_NARROW', ['ARRAY'], 'breaking', 'Checks that the reader minItems and maxItems admit every array the writer may write.'],
  ['ARRAY_UNIQUE_NO_ADD', ['ARRAY'], 'breaking', 'Checks that a reader demanding unique items only reads writers that guarantee them.'],
  ['ARRAY_ITEMS_NO_NARROW', ['ARRAY'], 'breaking', 'Checks that every item position the writer may fill is one the reader accepts.'],
  ['PROPERTY_REQUIRED_NO_ADD', ['OBJECT', 'PROPERTY'], 'breaking', 'Checks that every property the reader requires is one the writer always writes.'],
  ['PROPERTY_NO_DELETE', ['OBJECT', 'PROPERTY'], 'breaking', 'Checks that the reader still accepts every property the writer may write.'],
  ['ADDITIONAL_PROPERTIES_NO_CLOSE', ['OBJECT', 'PROPERTY'], 'breaking', 'Checks that a reader does not close a content model the writer leaves open.'],
  ['PROPERTY_COUNT_NO_NARROW', ['OBJECT'], 'breaking', 'Checks that the reader minProperties and maxProperties admit every object the writer may write.'],
  ['PROPERTY_DEPENDENCY_NO_ADD', ['OBJECT', 'PROPERTY'], 'breaking', 'Checks that the writer writes every property the reader dependentRequired demands with its key.'],
  ['ONE_OF_MATCH_UNIQUE', ['COMBINATOR'], 'breaking', 'Checks that every value the writer may write matches exactly one branch of a reader oneOf.'],
  ['NOT_SCHEMA_NO_OVERLAP', ['COMBINATOR'], 'breaking', 'Checks that no value the writer may write matches a schema the reader negates with not.'],
  ['SCHEMA_NO_NARROW', ['SCHEMA'], 'breaking', 'Checks that the reader accepts what the writer writes where no more specific rule applies.'],
  ['SUBSET_DECIDABLE', ['SCHEMA'], 'warning', 'Checks that the subset check could decide every reader keyword, warning where it could not.'],
  ['DIALECT_NO_CHANGE', ['SCHEMA'], 'info', 'Checks that both schemas use the same JSON Schema dialect.'],
];

/** The JSON Schema rule catalog: each id reads as the invariant a writer/reader pair must keep. */
export const JSON_SCHEMA_RULES: readonly RuleDefinition[] = ENTRIES.map(([id, categories, severity, purpose]) => ({
  id,
  kind: 'jsonschema' as const,
  categories: [...categories, 'SUBSET'],
  severity,
  direction: 'message' as const,
  purpose,
  byDefault: true,
}));
