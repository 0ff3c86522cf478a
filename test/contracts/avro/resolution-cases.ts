/**
 * Avro writer/reader pairs with the expected verdict when the reader reads the writer's data.
 * `rules` lists every rule expected (all of them: the engine reports every problem, not the first).
 */
export interface AvroCase {
  readonly name: string;
  readonly writer: unknown;
  readonly reader: unknown;
  readonly expect: 'ok' | 'break' | 'warn';
  readonly rules?: readonly string[];
}

const record = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'record', name: 'Order', namespace: 'shop', fields, ...extra });
const field = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
const color = (symbols: string[], extra: Record<string, unknown> = {}) => ({ type: 'enum', name: 'Color', symbols, ...extra });

export const AVRO_CASES: readonly AvroCase[] = [
  { name: 'identical records', writer: record([field('id', 'string')]), reader: record([field('id', 'string')]), expect: 'ok' },
  { name: 'int promoted to long', writer: 'int', reader: 'long', expect: 'ok' },
  { name: 'int promoted to float', writer: 'int', reader: 'float', expect: 'ok' },
  { name: 'int promoted to double', writer: 'int', reader: 'double', expect: 'ok' },
  { name: 'long promoted to double', writer: 'long', reader: 'double', expect: 'ok' },
  { name: 'long promoted to float', writer: 'long', reader: 'float', expect: 'ok' },
  { name: 'float promoted to double', writer: 'float', reader: 'double', expect: 'ok' },
  { name: 'string read as bytes', writer: 'string', reader: 'bytes', expect: 'ok' },
  { name: 'bytes read as string', writer: 'bytes', reader: 'string', expect: 'ok' },
  { name: 'long demoted to int', writer: 'long', reader: 'int', expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'double demoted to float', writer: 'double', reader: 'float', expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'int read as string', writer: 'int', reader: 'string', expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'boolean read as int', writer: 'boolean', reader: 'int', expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'field type promoted', writer: record([field('qty', 'int')]), reader: record([field('qty', 'long')]), expect: 'ok' },
  { name: 'field type changed', writer: record([field('qty', 'int')]), reader: record([field('qty', 'string')]), expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'field added with default', writer: record([field('id', 'string')]), reader: record([field('id', 'string'), field('note', 'string', { default: '' })]), expect: 'ok' },
  { name: 'field added without default', writer: record([field('id', 'string')]), reader: record([field('id', 'string'), field('note', 'string')]), expect: 'break', rules: ['FIELD_DEFAULT_REQUIRED'] },
  { name: 'optional field added with null default', writer: record([field('id', 'string')]), reader: record([field('id', 'string'), field('note', ['null', 'string'], { default: null })]), expect: 'ok' },
  { name: 'field removed', writer: record([field('id', 'string'), field('note', 'string')]), reader: record([field('id', 'string')]), expect: 'ok' },
  { name: 'field renamed with alias', writer: record([field('qty', 'int')]), reader: record([field('quantity', 'int', { aliases: ['qty'] })]), expect: 'ok' },
  { name: 'field renamed without alias', writer: record([field('qty', 'int')]), reader: record([field('quantity', 'int')]), expect: 'break', rules: ['FIELD_DEFAULT_REQUIRED'] },
  { name: 'field renamed without alias but with default', writer: record([field('qty', 'int')]), reader: record([field('quantity', 'int', { default: 0 })]), expect: 'ok' },
  { name: 'two fields added without defaults: both reported', writer: record([field('id', 'string')]), reader: record([field('id', 'string'), field('a', 'int'), field('b', 'int')]), expect: 'break', rules: ['FIELD_DEFAULT_REQUIRED', 'FIELD_DEFAULT_REQUIRED'] },
  { name: 'every problem reported', writer: record([field('id', 'int'), field('c', color(['RED', 'BLUE']))]), reader: record([field('id', 'string'), field('c', color(['RED'])), field('extra', 'int')]), expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE', 'ENUM_SYMBOL_NO_DELETE', 'FIELD_DEFAULT_REQUIRED'] },
  { name: 'enum symbol added', writer: color(['RED']), reader: color(['RED', 'BLUE']), expect: 'ok' },
  { name: 'enum symbol removed', writer: color(['RED', 'BLUE']), reader: color(['RED']), expect: 'break', rules: ['ENUM_SYMBOL_NO_DELETE'] },
  { name: 'enum symbol removed with reader default', writer: color(['RED', 'BLUE', 'UNKNOWN']), reader: color(['RED', 'UNKNOWN'], { default: 'UNKNOWN' }), expect: 'warn', rules: ['ENUM_SYMBOL_READ_AS_DEFAULT'] },
  { name: 'two enum symbols removed', writer: color(['RED', 'BLUE', 'GREEN']), reader: color(['RED']), expect: 'break', rules: ['ENUM_SYMBOL_NO_DELETE', 'ENUM_SYMBOL_NO_DELETE'] },
  { name: 'enum renamed', writer: color(['RED']), reader: { ...color(['RED']), name: 'Colour' }, expect: 'break', rules: ['NAMED_TYPE_NAME_MATCH'] },
  { name: 'enum renamed with alias', writer: color(['RED']), reader: { ...color(['RED']), name: 'Colour', aliases: ['Color'] }, expect: 'ok' },
  { name: 'record renamed', writer: record([field('id', 'string')]), reader: record([field('id', 'string')], { name: 'Purchase' }), expect: 'break', rules: ['NAMED_TYPE_NAME_MATCH'] },
  { name: 'record renamed with alias', writer: record([field('id', 'string')]), reader: record([field('id', 'string')], { name: 'Purchase', aliases: ['Order'] }), expect: 'ok' },
  { name: 'record renamed with full-name alias', writer: record([field('id', 'string')]), reader: record([field('id', 'string')], { name: 'Purchase', namespace: 'sales', aliases: ['shop.Order'] }), expect: 'ok' },
  { name: 'namespace changed', writer: record([field('id', 'string')]), reader: record([field('id', 'string')], { namespace: 'sales' }), expect: 'break', rules: ['NAMED_TYPE_NAME_MATCH'] },
  { name: 'fixed size kept', writer: { type: 'fixed', name: 'Hash', size: 16 }, reader: { type: 'fixed', name: 'Hash', size: 16 }, expect: 'ok' },
  { name: 'fixed size changed', writer: { type: 'fixed', name: 'Hash', size: 16 }, reader: { type: 'fixed', name: 'Hash', size: 32 }, expect: 'break', rules: ['FIXED_SIZE_NO_CHANGE'] },
  { name: 'fixed renamed and resized', writer: { type: 'fixed', name: 'Hash', size: 16 }, reader: { type: 'fixed', name: 'Digest', size: 32 }, expect: 'break', rules: ['NAMED_TYPE_NAME_MATCH', 'FIXED_SIZE_NO_CHANGE'] },
  { name: 'union branch added', writer: ['null', 'string'], reader: ['null', 'string', 'int'], expect: 'ok' },
  { name: 'union branch removed', writer: ['null', 'string', 'int'], reader: ['null', 'string'], expect: 'break', rules: ['UNION_BRANCH_NO_DELETE'] },
  { name: 'plain type read by union', writer: 'string', reader: ['null', 'string'], expect: 'ok' },
  { name: 'plain type promoted into union', writer: 'int', reader: ['null', 'long'], expect: 'ok' },
  { name: 'union read as plain type', writer: ['null', 'string'], reader: 'string', expect: 'break', rules: ['UNION_BRANCH_NO_DELETE'] },
  { name: 'union of one read as plain', writer: ['string'], reader: 'string', expect: 'ok' },
  { name: 'plain type not in reader union', writer: 'boolean', reader: ['null', 'string'], expect: 'break', rules: ['UNION_BRANCH_NO_DELETE'] },
  { name: 'array items promoted', writer: { type: 'array', items: 'int' }, reader: { type: 'array', items: 'long' }, expect: 'ok' },
  { name: 'array items changed', writer: { type: 'array', items: 'long' }, reader: { type: 'array', items: 'int' }, expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'map values changed', writer: { type: 'map', values: 'string' }, reader: { type: 'map', values: 'int' }, expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'array read as map', writer: { type: 'array', items: 'string' }, reader: { type: 'map', values: 'string' }, expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'nested record field added without default', writer: record([field('line', { type: 'record', name: 'Line', fields: [field('sku', 'string')] })]), reader: record([field('line', { type: 'record', name: 'Line', fields: [field('sku', 'string'), field('qty', 'int')] })]), expect: 'break', rules: ['FIELD_DEFAULT_REQUIRED'] },
  { name: 'recursive linked list unchanged', writer: { type: 'record', name: 'Node', fields: [field('v', 'int'), field('next', ['null', 'Node'], { default: null })] }, reader: { type: 'record', name: 'Node', fields: [field('v', 'long'), field('next', ['null', 'Node'], { default: null })] }, expect: 'ok' },
  { name: 'recursive linked list narrowed', writer: { type: 'record', name: 'Node', fields: [field('v', 'long'), field('next', ['null', 'Node'], { default: null })] }, reader: { type: 'record', name: 'Node', fields: [field('v', 'int'), field('next', ['null', 'Node'], { default: null })] }, expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'logical type changed', writer: { type: 'long', logicalType: 'timestamp-millis' }, reader: { type: 'long', logicalType: 'timestamp-micros' }, expect: 'warn', rules: ['LOGICAL_TYPE_NO_CHANGE'] },
  { name: 'logical type added', writer: 'int', reader: { type: 'int', logicalType: 'date' }, expect: 'warn', rules: ['LOGICAL_TYPE_NO_CHANGE'] },
  { name: 'named type reused by reference', writer: record([field('a', color(['RED'])), field('b', 'Color')]), reader: record([field('a', color(['RED', 'BLUE'])), field('b', 'Color')]), expect: 'ok' },
  { name: 'named type reference narrowed', writer: record([field('a', color(['RED', 'BLUE'])), field('b', 'Color')]), reader: record([field('a', color(['RED', 'BLUE'])), field('b', 'string')]), expect: 'break', rules: ['FIELD_TYPE_PROMOTABLE'] },
  { name: 'union of records picks matching name', writer: { type: 'record', name: 'Cat', fields: [field('lives', 'int')] }, reader: [{ type: 'record', name: 'Dog', fields: [field('barks', 'boolean')] }, { type: 'record', name: 'Cat', fields: [field('lives', 'long')] }], expect: 'ok' },
  { name: 'union of records without the written one', writer: { type: 'record', name: 'Cat', fields: [field('lives', 'int')] }, reader: [{ type: 'record', name: 'Dog', fields: [field('barks', 'boolean')] }], expect: 'break', rules: ['UNION_BRANCH_NO_DELETE'] },
];
