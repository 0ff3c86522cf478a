import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { parseProtoFile } from '../../../src/contracts/protobuf/parse-proto-file.ts';
import { findOption } from '../../../src/contracts/protobuf/proto-model.ts';

const SAMPLE = `// Orders, as a real service writes them.
syntax = "proto2";

package shop.v1;

import public "google/api/annotations.proto";

option java_package = "com.shop"
  ".v1";
option (my.file_opt).nested = -3;

message Order {
  option (google.api.resource) = { type: "shop/Order" pattern: "orders/{order}" };
  required string id = 1 [json_name = "orderId", (validate.rules).string = { min_len: 1 }];
  repeated group Line = 2 {
    optional int64 qty = 1 [default = 0x10, jstype = JS_STRING];
  }
  map<string, Order> children = 3;
  oneof payment {
    string card = 4;
  }
  reserved 10 to 12, 100 to max;
  reserved "old", "older";
  extensions 1000 to 1999 [verification = UNVERIFIED];
  extend Order {
    optional bool flagged = 1000;
  }
}

enum Status {
  option allow_alias = true;
  STATUS_UNKNOWN = 0;
  STATUS_OPEN = 1 [deprecated = true];
  STATUS_ALSO_OPEN = 1;
  STATUS_NEGATIVE = -2;
  reserved 5, 7 to 9;
}

service Orders {
  rpc Watch(stream .shop.v1.Order) returns (stream Order) {
    option (google.api.http) = { post: "/v1/orders:watch" body: "*" additional_bindings { get: "/v1/w" } };
  }
  rpc Get(Order) returns (Order);
}
`;

test('parses options, groups, maps, oneofs, ranges, extensions and streams with their positions', () => {
  const file = parseProtoFile('shop/v1/orders.proto', SAMPLE);
  assert.equal(file.syntax, 'proto2');
  assert.equal(file.package, 'shop.v1');
  assert.deepEqual(file.imports, ['google/api/annotations.proto']);
  assert.equal(findOption(file.options, 'java_package')?.value, 'com.shop.v1');
  assert.deepEqual(findOption(file.options, 'java_package')?.span, { line: 8, column: 1, endLine: 9, endColumn: 9 });
  assert.equal(findOption(file.options, '(my.file_opt).nested')?.value, '-3');

  const order = file.messages[0]!;
  assert.equal(order.fullName, 'shop.v1.Order');
  assert.deepEqual([order.span.line, order.span.column, order.span.endLine], [12, 1, 28]);
  const id = order.fields.find((field) => field.name === 'id')!;
  assert.deepEqual([id.label, id.typeName, id.number], ['required', 'string', 1]);
  assert.deepEqual([id.span.line, id.span.column, id.typeSpan.column, id.nameSpan.column, id.numberSpan.column], [14, 3, 12, 19, 24]);
  assert.equal(findOption(id.options, 'json_name')?.value, 'orderId');
  assert.equal(findOption(id.options, '(validate.rules).string')?.valueKind, 'aggregate');

  const line = order.fields.find((field) => field.number === 2)!;
  assert.deepEqual([line.name, line.isGroup, line.label], ['line', true, 'repeated']);
  const lineMessage = order.messages.find((message) => message.name === 'Line')!;
  assert.equal(findOption(lineMessage.fields[0]!.options, 'default')?.value, '0x10');

  const children = order.fields.find((field) => field.name === 'children')!;
  assert.ok(children.isMap);
  const entry = order.messages.find((message) => message.name === 'ChildrenEntry')!;
  assert.ok(entry.isMapEntry);
  assert.deepEqual(entry.fields.map((field) => [field.name, field.number, field.typeName]), [['key', 1, 'string'], ['value', 2, 'Order']]);

  assert.equal(order.fields.find((field) => field.name === 'card')!.oneof?.name, 'payment');
  assert.deepEqual(order.reservedRanges.map((range) => [range.start, range.end]), [[10, 12], [100, 536870911]]);
  assert.deepEqual(order.reservedNames, ['old', 'older']);
  assert.deepEqual(order.extensionRanges.map((range) => [range.start, range.end]), [[1000, 1999]]);
  assert.deepEqual(order.extensions.map((field) => [field.fullName, field.extendeeWritten]), [['shop.v1.Order.flagged', 'Order']]);

  const status = file.enums[0]!;
  assert.deepEqual(status.values.map((value) => [value.name, value.number]), [['STATUS_UNKNOWN', 0], ['STATUS_OPEN', 1], ['STATUS_ALSO_OPEN', 1], ['STATUS_NEGATIVE', -2]]);
  assert.deepEqual(status.reservedRanges.map((range) => [range.start, range.end]), [[5, 5], [7, 9]]);

  const [watch, get] = file.services[0]!.methods;
  assert.deepEqual([watch!.clientStreaming, watch!.serverStreaming, watch!.inputWritten, watch!.outputWritten], [true, true, '.shop.v1.Order', 'Order']);
  assert.equal(findOption(watch!.options, '(google.api.http)')?.valueKind, 'aggregate');
  assert.deepEqual([get!.clientStreaming, get!.span.line], [false, 43]);
});

test('reads editions, features in message literals, and edition 2024 visibility', () => {
  const file = parseProtoFile('a.proto', `edition = "2024";
package a;
option features = { field_presence: IMPLICIT enum_type: CLOSED };
export message M {
  reserved one, two;
  int32 x = 1 [features.field_presence = EXPLICIT];
  local enum E { E_ZERO = 0; }
}
`);
  assert.deepEqual([file.syntax, file.edition], ['editions', '2024']);
  assert.equal(findOption(file.options, 'features.field_presence')?.value, 'IMPLICIT');
  assert.equal(findOption(file.options, 'features.enum_type')?.value, 'CLOSED');
  assert.deepEqual(file.messages[0]!.reservedNames, ['one', 'two']);
  assert.equal(file.messages[0]!.enums[0]!.fullName, 'a.M.E');
});

test('a syntax error names the file, line and column', () => {
  const cases: Array<[string, number, number]> = [
    ['syntax = "proto3";\nmessage M {\n  int32 x = ;\n}\n', 3, 13],
    ['syntax = "proto3";\nmessage M {\n  int32 x = 1;\n', 3, 15],
    ['syntax = "proto4";\n', 1, 10],
    ['syntax = "proto3";\nmessage M { string s = 1 [default = "x\n"]; }\n', 2, 37],
    ['syntax = "proto3";\nenum E { A = 99999999999; }\n', 2, 14],
  ];
  for (const [text, line, column] of cases) {
    assert.throws(() => parseProtoFile('bad.proto', text), (error: unknown) => {
      assert.ok(error instanceof ContractError, String(error));
      assert.deepEqual([error.location.file, error.location.line, error.location.column], ['bad.proto', line, column], `${JSON.stringify(text)}: ${error.message}`);
      return true;
    });
  }
});
