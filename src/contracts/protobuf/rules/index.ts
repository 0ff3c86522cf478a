import type { RuleDefinition } from '../../rule.ts';
import type { ProtoRule } from '../proto-rule.ts';
import { DELETION_RULES } from './deletion-rules.ts';
import { ENUM_RULES } from './enum-rules.ts';
import { FIELD_RULES } from './field-rules.ts';
import { FIELD_TYPE_RULES } from './field-type-rules.ts';
import { FILE_RULES } from './file-rules.ts';
import { MESSAGE_RULES } from './message-rules.ts';
import { SERVICE_RULES } from './service-rules.ts';

/** Every protobuf breaking-change rule, with buf's rule ids and categories. */
export const PROTO_RULES: readonly ProtoRule[] = [
  ...DELETION_RULES, ...FILE_RULES, ...MESSAGE_RULES, ...FIELD_RULES, ...FIELD_TYPE_RULES, ...ENUM_RULES, ...SERVICE_RULES,
];

/** The catalog records, registered in `src/contracts/index.ts`. */
export const RULES: readonly RuleDefinition[] = PROTO_RULES.map((rule) => rule.definition);

/** Retired ids that stand for several current rules; the catalog records the first as `replacedBy`. */
export const REPLACEMENTS: Readonly<Record<string, readonly string[]>> = {
  FIELD_SAME_LABEL: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  FIELD_SAME_CTYPE: ['FIELD_SAME_CPP_STRING_TYPE'],
  FILE_SAME_JAVA_STRING_CHECK_UTF8: ['FIELD_SAME_JAVA_UTF8_VALIDATION'],
};
