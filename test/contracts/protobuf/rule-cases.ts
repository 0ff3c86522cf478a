/**
 * Small before/after pairs for rules the buf corpus exercises little or not at all, each with the
 * findings `buf breaking` (1.75) reports for it: rule, file and line. The buf.yaml of `current`
 * selects the rules, as it does for buf.
 */
export interface RuleCase {
  readonly name: string;
  readonly previous: Readonly<Record<string, string>>;
  readonly current: Readonly<Record<string, string>>;
  readonly expected: ReadonlyArray<readonly [rule: string, file: string | undefined, line: number]>;
  /** Engine settings instead of a buf.yaml. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

const use = (...ids: string[]) => `version: v1\nbreaking:\n  use:\n${ids.map((id) => `    - ${id}`).join('\n')}\n`;

export const RULE_CASES: readonly RuleCase[] = [
  {
    name: 'wire: int32 -> int64 and string -> bytes are compatible, int32 -> sint32 and bytes -> string are not',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n  string c = 3;\n  bytes d = 4;\n}\n' },
    current: {
      'buf.yaml': use('WIRE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int64 a = 1;\n  sint32 b = 2;\n  bytes c = 3;\n  string d = 4;\n}\n',
    },
    expected: [['FIELD_WIRE_COMPATIBLE_TYPE', 'a.proto', 5], ['FIELD_WIRE_COMPATIBLE_TYPE', 'a.proto', 7]],
  },
  {
    name: 'wire+json: int32 -> int64 changes the JSON form, int32 -> uint32 does not',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n  string c = 3;\n}\n' },
    current: {
      'buf.yaml': use('WIRE_JSON'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int64 a = 1;\n  uint32 b = 2;\n  bytes c = 3;\n}\n',
    },
    expected: [['FIELD_WIRE_JSON_COMPATIBLE_TYPE', 'a.proto', 4], ['FIELD_WIRE_JSON_COMPATIBLE_TYPE', 'a.proto', 6]],
  },
  {
    name: 'a renamed field breaks JSON and generated code but not the wire',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string old_name = 1;\n}\n' },
    current: { 'buf.yaml': use('WIRE'), 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string new_name = 1;\n}\n' },
    expected: [],
  },
  {
    name: 'a renamed field under the default FILE category',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string old_name = 1;\n}\n' },
    current: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string new_name = 1;\n}\n' },
    expected: [['FIELD_SAME_NAME', 'a.proto', 4], ['FIELD_SAME_JSON_NAME', 'a.proto', 4]],
  },
  {
    name: 'settings win over buf.yaml: WIRE ignores a rename',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string old_name = 1;\n}\n' },
    current: { 'buf.yaml': use('FILE'), 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string new_name = 1;\n}\n' },
    settings: { use: ['WIRE'] },
    expected: [],
  },
  {
    name: 'except removes a rule from its category',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string a = 1;\n  string b = 2;\n}\n' },
    current: {
      'buf.yaml': 'version: v2\nbreaking:\n  use:\n    - FILE\n  except:\n    - FIELD_NO_DELETE\n',
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string a = 1;\n}\n',
    },
    expected: [],
  },
  {
    name: 'a field deleted with its number reserved satisfies the WIRE category',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string a = 1;\n  string b = 2;\n  string c = 3;\n}\n' },
    current: {
      'buf.yaml': use('WIRE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  reserved 2;\n  string a = 1;\n}\n',
    },
    expected: [['FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', 'a.proto', 3]],
  },
  {
    name: 'proto3 optional -> plain field changes presence: a cardinality change, not a wire one',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  optional int32 a = 1;\n}\n' },
    current: {
      'buf.yaml': use('FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_SAME_ONEOF', 'ONEOF_NO_DELETE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int32 a = 1;\n}\n',
    },
    expected: [['FIELD_SAME_CARDINALITY', 'a.proto', 4]],
  },
  {
    name: 'the retired FIELD_SAME_CTYPE id runs FIELD_SAME_CPP_STRING_TYPE',
    previous: { 'a.proto': 'syntax = "proto2";\npackage a;\nmessage M {\n  optional string a = 1;\n}\n' },
    current: { 'buf.yaml': use('FIELD_SAME_CTYPE'), 'a.proto': 'syntax = "proto2";\npackage a;\nmessage M {\n  optional string a = 1 [ctype = CORD];\n}\n' },
    expected: [['FIELD_SAME_CPP_STRING_TYPE', 'a.proto', 4]],
  },
  {
    name: 'the retired FILE_SAME_JAVA_STRING_CHECK_UTF8 id runs FIELD_SAME_JAVA_UTF8_VALIDATION at the file option',
    previous: { 'a.proto': 'syntax = "proto2";\npackage a;\nmessage M {\n  optional string a = 1;\n}\n' },
    current: {
      'buf.yaml': use('FILE_SAME_JAVA_STRING_CHECK_UTF8'),
      'a.proto': 'syntax = "proto2";\npackage a;\noption java_string_check_utf8 = true;\nmessage M {\n  optional string a = 1;\n}\n',
    },
    expected: [['FIELD_SAME_JAVA_UTF8_VALIDATION', 'a.proto', 3]],
  },
  {
    name: 'jstype on a 64-bit field',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int64 a = 1;\n  uint64 b = 2;\n}\n' },
    current: {
      'buf.yaml': use('FIELD_SAME_JSTYPE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  int64 a = 1 [jstype = JS_STRING];\n  uint64 b = 2 [jstype = JS_NORMAL];\n}\n',
    },
    expected: [['FIELD_SAME_JSTYPE', 'a.proto', 4]],
  },
  {
    name: 'idempotency level of an rpc',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {}\nservice S {\n  rpc Get(M) returns (M);\n}\n' },
    current: {
      'buf.yaml': use('RPC_SAME_IDEMPOTENCY_LEVEL'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {}\nservice S {\n  rpc Get(M) returns (M) {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n}\n',
    },
    expected: [['RPC_SAME_IDEMPOTENCY_LEVEL', 'a.proto', 6]],
  },
  {
    name: 'a message moved to another file of its package breaks FILE, not PACKAGE',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {}\nmessage N {}\n', 'b.proto': 'syntax = "proto3";\npackage a;\n' },
    current: {
      'buf.yaml': use('PACKAGE', 'MESSAGE_NO_DELETE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {}\n',
      'b.proto': 'syntax = "proto3";\npackage a;\nmessage N {}\n',
    },
    expected: [['MESSAGE_NO_DELETE', 'a.proto', 1]],
  },
  {
    name: 'default values: float 0.1 stays, an enum default moves',
    previous: {
      'a.proto': 'syntax = "proto2";\npackage a;\nenum E {\n  X = 1;\n  Y = 2;\n}\nmessage M {\n  optional float f = 1 [default = 0.1];\n  optional E e = 2;\n  optional string s = 3 [default = "x"];\n}\n',
    },
    current: {
      'buf.yaml': 'version: v2\nbreaking:\n  use:\n    - FIELD_SAME_DEFAULT\n',
      'a.proto': 'syntax = "proto2";\npackage a;\nenum E {\n  X = 1;\n  Y = 2;\n}\nmessage M {\n  optional double f = 1 [default = 0.1];\n  optional E e = 2 [default = Y];\n  optional string s = 3 [default = "x"];\n}\n',
    },
    expected: [['FIELD_SAME_DEFAULT', 'a.proto', 9]],
  },
  {
    name: 'a field moved into a oneof',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  string a = 1;\n  oneof o {\n    string b = 2;\n  }\n}\n' },
    current: {
      'buf.yaml': use('FIELD_SAME_ONEOF'),
      'a.proto': 'syntax = "proto3";\npackage a;\nmessage M {\n  oneof o {\n    string a = 1;\n    string b = 2;\n  }\n}\n',
    },
    expected: [['FIELD_SAME_ONEOF', 'a.proto', 5]],
  },
  {
    name: 'go_package added and a file option removed',
    previous: { 'a.proto': 'syntax = "proto3";\npackage a;\noption java_package = "x";\n' },
    current: { 'buf.yaml': use('FILE_SAME_GO_PACKAGE', 'FILE_SAME_JAVA_PACKAGE'), 'a.proto': 'syntax = "proto3";\npackage a;\noption go_package = "a/b";\n' },
    expected: [['FILE_SAME_GO_PACKAGE', 'a.proto', 3], ['FILE_SAME_JAVA_PACKAGE', 'a.proto', 1]],
  },
  {
    name: 'an enum swapped for a same-named one in another package that keeps every value is wire compatible',
    previous: {
      'a.proto': 'syntax = "proto3";\npackage a;\nimport "b.proto";\nenum E {\n  E_UNSPECIFIED = 0;\n}\nmessage M {\n  E e = 1;\n  E f = 2;\n}\n',
      'b.proto': 'syntax = "proto3";\npackage b;\nenum E {\n  E_UNSPECIFIED = 0;\n  E_MORE = 1;\n}\nenum F {\n  F_UNSPECIFIED = 0;\n}\n',
    },
    current: {
      'buf.yaml': use('FIELD_WIRE_COMPATIBLE_TYPE'),
      'a.proto': 'syntax = "proto3";\npackage a;\nimport "b.proto";\nenum E {\n  E_UNSPECIFIED = 0;\n}\nmessage M {\n  b.E e = 1;\n  b.F f = 2;\n}\n',
      'b.proto': 'syntax = "proto3";\npackage b;\nenum E {\n  E_UNSPECIFIED = 0;\n  E_MORE = 1;\n}\nenum F {\n  F_UNSPECIFIED = 0;\n}\n',
    },
    expected: [['FIELD_WIRE_COMPATIBLE_TYPE', 'a.proto', 9]],
  },
  {
    name: 'editions: a field turned to delimited encoding and an enum closed',
    previous: { 'a.proto': 'edition = "2023";\npackage a;\nenum E {\n  E_UNSPECIFIED = 0;\n}\nmessage M {\n  M m = 1;\n}\n' },
    current: {
      'buf.yaml': use('FIELD_SAME_TYPE', 'ENUM_SAME_TYPE'),
      'a.proto': 'edition = "2023";\npackage a;\nenum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\nmessage M {\n  M m = 1 [features.message_encoding = DELIMITED];\n}\n',
    },
    expected: [['ENUM_SAME_TYPE', 'a.proto', 4], ['FIELD_SAME_TYPE', 'a.proto', 8]],
  },
  {
    name: 'ignore_unstable_packages drops findings in v1beta1 packages only',
    previous: {
      'a/v1beta1/a.proto': 'syntax = "proto3";\npackage a.v1beta1;\nmessage M {\n  string a = 1;\n}\n',
      'a/v1/a.proto': 'syntax = "proto3";\npackage a.v1;\nmessage M {\n  string a = 1;\n}\n',
    },
    current: {
      'buf.yaml': 'version: v1\nbreaking:\n  use:\n    - FIELD_NO_DELETE\n  ignore_unstable_packages: true\n',
      'a/v1beta1/a.proto': 'syntax = "proto3";\npackage a.v1beta1;\nmessage M {\n}\n',
      'a/v1/a.proto': 'syntax = "proto3";\npackage a.v1;\nmessage M {\n}\n',
    },
    expected: [['FIELD_NO_DELETE', 'a/v1/a.proto', 3]],
  },
];
