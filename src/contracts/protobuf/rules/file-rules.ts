import { findOption, type ProtoFile, type Span } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import { filePairs } from '../pairs.ts';

type Read = (file: ProtoFile) => { value: string; span?: Span };

function sameFileValue(label: string, read: Read) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of filePairs(context.before, context.after)) {
      const was = read(previous);
      const now = read(current);
      if (was.value === now.value) continue;
      context.report({
        subject: current.path,
        before: { file: previous.path, span: was.span },
        after: { file: current.path, span: now.span },
        message: `File ${label} changed from "${was.value}" to "${now.value}".`,
        details: { previous: was.value, current: now.value },
      });
    }
  };
}

function fileOption(name: string, fallback: string): Read {
  return (file) => {
    const option = findOption(file.options, name);
    return option ? { value: option.value, span: option.span } : { value: fallback };
  };
}

const OPTION_RULES: Array<[string, string, string]> = [
  ['FILE_SAME_CC_ENABLE_ARENAS', 'cc_enable_arenas', 'true'],
  ['FILE_SAME_CC_GENERIC_SERVICES', 'cc_generic_services', 'false'],
  ['FILE_SAME_CSHARP_NAMESPACE', 'csharp_namespace', ''],
  ['FILE_SAME_GO_PACKAGE', 'go_package', ''],
  ['FILE_SAME_JAVA_GENERIC_SERVICES', 'java_generic_services', 'false'],
  ['FILE_SAME_JAVA_MULTIPLE_FILES', 'java_multiple_files', 'false'],
  ['FILE_SAME_JAVA_OUTER_CLASSNAME', 'java_outer_classname', ''],
  ['FILE_SAME_JAVA_PACKAGE', 'java_package', ''],
  ['FILE_SAME_OBJC_CLASS_PREFIX', 'objc_class_prefix', ''],
  ['FILE_SAME_OPTIMIZE_FOR', 'optimize_for', 'SPEED'],
  ['FILE_SAME_PHP_CLASS_PREFIX', 'php_class_prefix', ''],
  ['FILE_SAME_PHP_METADATA_NAMESPACE', 'php_metadata_namespace', ''],
  ['FILE_SAME_PHP_NAMESPACE', 'php_namespace', ''],
  ['FILE_SAME_PY_GENERIC_SERVICES', 'py_generic_services', 'false'],
  ['FILE_SAME_RUBY_PACKAGE', 'ruby_package', ''],
  ['FILE_SAME_SWIFT_PREFIX', 'swift_prefix', ''],
];

export const FILE_RULES: readonly ProtoRule[] = [
  ...OPTION_RULES.map(([id, option, fallback]) =>
    protoRule(id, ['FILE', 'PACKAGE'], `Checks that the file option ${option} keeps its value, since generated code is named after it.`,
      sameFileValue(`option "${option}"`, fileOption(option, fallback)))),
  protoRule('FILE_SAME_JAVA_STRING_CHECK_UTF8', ['FILE', 'PACKAGE'], 'Checks that the file option java_string_check_utf8 keeps its value.',
    sameFileValue('option "java_string_check_utf8"', fileOption('java_string_check_utf8', 'false')),
    { deprecated: { replacedBy: 'FIELD_SAME_JAVA_UTF8_VALIDATION' } }),
  protoRule('FILE_SAME_SYNTAX', ['FILE', 'PACKAGE'], 'Checks that a file keeps its syntax or edition.', sameFileValue('syntax', (file) => ({
    value: file.syntax === 'editions' ? 'editions' : file.syntax, span: file.syntaxSpan,
  }))),
  protoRule('FILE_SAME_PACKAGE', ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'], 'Checks that a file keeps its package, which qualifies every name on the wire.',
    sameFileValue('package', (file) => ({ value: file.package, span: file.packageSpan }))),
];
