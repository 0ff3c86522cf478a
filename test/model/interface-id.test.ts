import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInterfaceId, carriesDataAtRest } from '../../src/model/interface-id.ts';
import { contractHash } from '../../src/model/contract-hash.ts';

test('interface ids parse into kind and name', () => {
  const cases: Array<[string, ReturnType<typeof parseInterfaceId>]> = [
    ['http:orders', { kind: 'http', name: 'orders' }],
    ['grpc:cart.v1.CartService', { kind: 'grpc', name: 'cart.v1.CartService' }],
    ['store:reports', { kind: 'store', name: 'reports' }],
    ['event:order-created', { kind: 'event', name: 'order-created' }],
    ['queue:jobs', undefined],
    ['http:', undefined],
    ['orders', undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseInterfaceId(text), expected, text);
});

test('stores, events and databases carry data at rest; calls do not', () => {
  assert.equal(carriesDataAtRest('store:reports'), true);
  assert.equal(carriesDataAtRest('event:user-created'), true);
  assert.equal(carriesDataAtRest('http:orders'), false);
});

test('contract hashes depend on content, not on file order or line endings', () => {
  const a = contractHash({ kind: 'openapi', entry: 'a.yaml', files: { 'a.yaml': 'x: 1\n', 'b.yaml': 'y: 2\n' } });
  const b = contractHash({ kind: 'openapi', entry: 'a.yaml', files: { 'b.yaml': 'y: 2\r\n', 'a.yaml': 'x: 1\r\n' } });
  const c = contractHash({ kind: 'openapi', entry: 'a.yaml', files: { 'a.yaml': 'x: 2\n', 'b.yaml': 'y: 2\n' } });
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.match(a, /^sha256:[0-9a-f]{64}$/);
});
