import { test } from 'node:test';
import assert from 'node:assert/strict';
import { couplingReport } from '../../src/insights/coupling-report.ts';
import { coDeployments } from '../../src/insights/co-deployments.ts';
import type { PublishedVersion } from '../../src/model/snapshot.ts';

/** A compact way to write a system: service -> provides / consumes interface ids. */
function system(spec: Record<string, { provides?: string[]; consumes?: string[]; async?: string[]; bare?: string[] }>): PublishedVersion[] {
  const schema = { kind: 'jsonschema' as const, entry: 's.json', files: { 's.json': '{}' } };
  return Object.entries(spec).map(([service, s]) => ({
    service,
    version: '1.0.0',
    hasContracts: true,
    publishedAt: '2026-01-01T00:00:00Z',
    provides: [
      ...(s.provides ?? []).map((id) => ({ interface: id, kind: 'openapi' as const, contract: schema })),
      ...(s.async ?? []).map((id) => ({ interface: id, kind: 'openapi' as const, contract: schema, sync: false })),
    ],
    consumes: [
      ...(s.consumes ?? []).map((id) => ({ interface: id, kind: 'openapi' as const, contract: schema, required: true })),
      ...(s.bare ?? []).map((id) => ({ interface: id, kind: 'openapi' as const, required: true })),
    ],
  }));
}

test('a request passing through three services synchronously is a chain; an async hop breaks it', () => {
  const report = couplingReport(
    system({
      web: { consumes: ['http:orders'] },
      orders: { provides: ['http:orders'], consumes: ['http:payments'] },
      payments: { provides: ['http:payments'], consumes: ['grpc:ledger'] },
      ledger: { provides: ['grpc:ledger'] },
      mailer: { consumes: ['event:sent'] },
      notifier: { async: ['event:sent'] },
    }),
  );
  assert.deepEqual(report.syncChains, [['web', 'orders', 'payments', 'ledger']]);
  assert.deepEqual(report.cycles, []);
});

test('services that depend on each other are a cycle', () => {
  const report = couplingReport(
    system({
      a: { provides: ['http:a'], consumes: ['http:b'] },
      b: { provides: ['http:b'], consumes: ['http:a'] },
      c: { consumes: ['http:a'] },
    }),
  );
  assert.deepEqual(report.cycles, [['a', 'b']]);
});

test('a db: interface used by two services is a shared database; a store with a contract per format is not', () => {
  const report = couplingReport(
    system({
      orders: { provides: ['db:main'] },
      reports: { consumes: ['db:main'] },
      writer: { async: ['store:reports'] },
      reader: { consumes: ['store:reports'] },
    }),
  );
  assert.deepEqual(report.sharedDatabases, [{ interface: 'db:main', services: ['orders', 'reports'] }]);
});

test('a consumer that declares no expectation relies on an unversioned contract', () => {
  const report = couplingReport(system({ api: { provides: ['http:api'] }, web: { bare: ['http:api'] } }));
  assert.deepEqual(report.unversionedContracts, [{ service: 'web', interface: 'http:api' }]);
});

test('services deploying within minutes of each other every time are reported; occasional overlap is not', () => {
  const minute = 60_000;
  const moments = [
    ...[0, 100, 200, 300].flatMap((h) => [
      { service: 'cart', at: h * 60 * minute },
      { service: 'checkout', at: h * 60 * minute + 3 * minute },
    ]),
    ...[0, 50, 170, 260].map((h) => ({ service: 'search', at: h * 60 * minute + 30 * minute })),
  ];
  const pairs = coDeployments(moments, { windowMs: 10 * minute });
  assert.deepEqual(pairs.map((p) => p.services), [['cart', 'checkout']]);
  assert.equal(pairs[0]!.together, 4);
});
