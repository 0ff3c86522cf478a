import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { ENGINES, CATALOG } from '../../../src/contracts/index.ts';
import { protobufEngine } from '../../../src/contracts/protobuf/protobuf-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';

const proto = (files: Record<string, string>): ContractSource => ({ kind: 'protobuf', entry: Object.keys(files)[0]!, files });

const ORDERS = `syntax = "proto3";
package shop.v1;

message GetOrderRequest {
  string id = 1;
  int32 version = 2;
}

message Order {
  string id = 1;
  repeated string items = 2;
  Status status = 3;
}

enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
}

service Orders {
  rpc GetOrder(GetOrderRequest) returns (Order);
  rpc Cancel(GetOrderRequest) returns (Order);
}
`;

test('the protobuf engine and its rules are registered', () => {
  assert.equal(ENGINES.protobuf, protobufEngine);
  const ids = CATALOG.filter((rule) => rule.kind === 'protobuf').map((rule) => rule.id);
  for (const id of ['FIELD_SAME_TYPE', 'FILE_NO_DELETE', 'PACKAGE_NO_DELETE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY']) {
    assert.ok(ids.includes(id), id);
  }
  for (const rule of CATALOG.filter((candidate) => candidate.kind === 'protobuf')) {
    assert.ok(rule.categories.every((category) => ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'].includes(category)), rule.id);
    assert.equal(rule.byDefault, rule.categories.includes('FILE') && !rule.deprecated, rule.id);
  }
});

test('validate names the file, line and column of a syntax error', () => {
  const broken = ORDERS.replace('int32 version = 2;', 'int32 version = ;');
  assert.throws(() => protobufEngine.validate(proto({ 'orders.proto': broken })), (error: unknown) => {
    assert.ok(error instanceof ContractError);
    assert.equal(error.location.file, 'orders.proto');
    assert.equal(error.location.line, 6);
    return true;
  });
});

test('validate rejects a field number used twice and a name defined twice', () => {
  const twice = ORDERS.replace('int32 version = 2;', 'int32 version = 1;');
  assert.throws(() => protobufEngine.validate(proto({ 'orders.proto': twice })), (error: unknown) =>
    error instanceof ContractError && error.location.line === 6 && /field number 1/.test(error.message));
  const again = proto({ 'orders.proto': ORDERS, 'more.proto': 'syntax = "proto3";\npackage shop.v1;\nmessage Order {}\n' });
  assert.throws(() => protobufEngine.validate(again), (error: unknown) =>
    error instanceof ContractError && error.location.file === 'more.proto' && error.location.line === 3);
});

test('compare reports with both locations and honours severities and exemptions', () => {
  const after = ORDERS.replace('  rpc Cancel(GetOrderRequest) returns (Order);\n', '');
  const [finding, ...rest] = protobufEngine.compare(proto({ 'orders.proto': ORDERS }), proto({ 'orders.proto': after }));
  assert.equal(rest.length, 0);
  assert.equal(finding!.rule, 'RPC_NO_DELETE');
  assert.equal(finding!.subject, 'shop.v1.Orders/Cancel');
  assert.deepEqual([finding!.before?.line, finding!.after?.line], [20, 20]);
  assert.match(finding!.message, /"Cancel" on service "Orders"/);
  const downgraded = protobufEngine.compare(proto({ 'orders.proto': ORDERS }), proto({ 'orders.proto': after }), { severities: { FILE: 'warning' } });
  assert.equal(downgraded[0]!.severity, 'warning');
  assert.deepEqual(protobufEngine.compare(proto({ 'orders.proto': ORDERS }), proto({ 'orders.proto': after }), { severities: { RPC_NO_DELETE: 'off' } }), []);
  assert.deepEqual(protobufEngine.compare(proto({ 'orders.proto': ORDERS }), proto({ 'orders.proto': after }), { exemptions: [finding!.fingerprint] }), []);
});

test('settings select rules by id or category, and except removes them', () => {
  const after = ORDERS.replace('string id = 1;\n  int32 version', 'string order_id = 1;\n  int32 version');
  const compare = (settings: Record<string, unknown>) =>
    protobufEngine.compare(proto({ 'orders.proto': ORDERS }), proto({ 'orders.proto': after }), { settings }).map((finding) => finding.rule).sort();
  assert.deepEqual(compare({}), ['FIELD_SAME_JSON_NAME', 'FIELD_SAME_NAME']);
  assert.deepEqual(compare({ use: ['WIRE'] }), []);
  assert.deepEqual(compare({ use: ['WIRE_JSON'] }), ['FIELD_SAME_JSON_NAME', 'FIELD_SAME_NAME']);
  assert.deepEqual(compare({ use: ['FILE'], except: ['FIELD_SAME_JSON_NAME'] }), ['FIELD_SAME_NAME']);
  assert.deepEqual(compare({ use: 'FIELD_SAME_NAME' }), ['FIELD_SAME_NAME']);
});

test('satisfies: the provider serves the methods and fields a generated client uses', () => {
  const client = proto({ 'orders.proto': ORDERS });
  const same = protobufEngine.satisfies(proto({ 'orders.proto': ORDERS }), { contract: client, operations: ['shop.v1.Orders/GetOrder'] });
  assert.deepEqual(same, []);

  const withoutCancel = ORDERS.replace('  rpc Cancel(GetOrderRequest) returns (Order);\n', '');
  assert.deepEqual(protobufEngine.satisfies(proto({ 'orders.proto': withoutCancel }), { contract: client, operations: ['shop.v1.Orders/GetOrder'] }), []);
  const missing = protobufEngine.satisfies(proto({ 'orders.proto': withoutCancel }), { contract: client });
  assert.deepEqual(missing.map((finding) => finding.rule), ['RPC_NO_DELETE']);
  assert.equal(missing[0]!.before?.file, 'orders.proto');

  const renamed = ORDERS.replace('repeated string items = 2;', 'repeated string lines = 2;');
  assert.deepEqual(protobufEngine.satisfies(proto({ 'orders.proto': renamed }), { contract: client }), [], 'names do not travel on the wire');

  const retyped = ORDERS.replace('int32 version = 2;', 'sint32 version = 2;').replace('repeated string items = 2;', 'string items = 2;');
  const gaps = protobufEngine.satisfies(proto({ 'orders.proto': retyped }), { contract: client, operations: ['shop.v1.Orders/GetOrder'] });
  assert.deepEqual(gaps.map((finding) => finding.rule).sort(), ['FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_TYPE']);

  const otherService = ORDERS.replace('service Orders', 'service Shop');
  assert.deepEqual(protobufEngine.satisfies(proto({ 'orders.proto': otherService }), { contract: client }).map((finding) => finding.rule), ['PACKAGE_SERVICE_NO_DELETE']);
  assert.throws(() => protobufEngine.satisfies(client, {}), ContractError);
});
