import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeliveryFacts, DeploymentFact } from '../../src/insights/delivery-facts.ts';
import { deliveryMetrics, type ServiceDelivery } from '../../src/insights/delivery-metrics.ts';
import { deliveryReport } from '../../src/insights/delivery-report.ts';
import { percentile } from '../../src/insights/percentile.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-01T00:00:00Z');
/** Day `d` of the period, plus hours and minutes. */
const t = (d: number, h = 0, m = 0) => START + d * DAY + h * HOUR + m * MINUTE;
const PERIOD = { since: t(0), until: t(14), reworkWindowMs: DAY };

const deployed = (service: string, version: string, at: number, extra: Partial<DeploymentFact> = {}): DeploymentFact => ({ service, version, kind: 'deployed', at, ...extra });
const undeployed = (service: string, version: string, at: number, extra: Partial<DeploymentFact> = {}): DeploymentFact => ({ service, version, kind: 'undeployed', at, ...extra });

interface Case {
  readonly name: string;
  readonly facts: DeliveryFacts;
  /** Hand-computed from the events; the comments beside each history say how. */
  readonly expected: ServiceDelivery;
}

const CASES: Case[] = [
  {
    // 1.0 ran before the period. In it: 1.1 (two targets, one deployment), 1.2, a revert to 1.1
    // two hours later (1.2 failed, restored after 2h; the revert is rework), then 1.3.
    // Lead times 12h (1.1), 24h (1.2), 6h (1.3): median 12h, p90 24h. The revert is no first deployment.
    name: 'direct deployments with a revert',
    facts: {
      events: [
        deployed('orders', '1.0', t(-1, 2)),
        deployed('orders', '1.1', t(2)),
        deployed('orders', '1.1', t(2, 0, 5)), // a second target: the same deployment
        deployed('orders', '1.2', t(4)),
        deployed('orders', '1.1', t(4, 2)),
        deployed('orders', '1.3', t(6)),
      ],
      rollouts: [],
      published: [
        { service: 'orders', version: '1.0', at: t(-2) },
        { service: 'orders', version: '1.1', at: t(1, 12) },
        { service: 'orders', version: '1.2', at: t(3) },
        { service: 'orders', version: '1.3', at: t(5, 18) },
      ],
    },
    expected: {
      service: 'orders',
      deployments: 4,
      perDay: 4 / 14,
      perWeek: 2,
      leadTime: { median: 12 * HOUR, p90: 24 * HOUR, measured: 3 },
      failures: 1,
      changeFailureRate: 0.25,
      timeToRestore: { median: 2 * HOUR, restored: 1, unrestored: 0 },
      reworks: 1,
      reworkRate: 0.25,
    },
  },
  {
    // Rollout 7 (2.0: canary, then promoted) is one deployment. Rollout 8 (2.1) was rolled back
    // after 20 minutes; rollout 9 retried 2.1 six hours after 8 began (a new deployment, and
    // rework). Rollout 10 (2.2) still runs: a deployment, not a failure.
    // Lead times: 2.0 6h, 2.1 24h (to rollout 8, its first), 2.2 24h: median 24h, p90 24h.
    name: 'rollouts: promoted, rolled back, retried, running',
    facts: {
      events: [
        deployed('cart', '1.9', t(-3)),
        deployed('cart', '2.0', t(1, 10), { rollout: 7 }),
        undeployed('cart', '2.0', t(1, 10, 30), { rollout: 7 }),
        deployed('cart', '2.0', t(1, 10, 30), { rollout: 7 }),
        deployed('cart', '2.1', t(3, 9), { rollout: 8 }),
        undeployed('cart', '2.1', t(3, 9, 20), { rollout: 8 }),
        deployed('cart', '2.1', t(3, 15), { rollout: 9 }),
        undeployed('cart', '2.1', t(3, 15, 30), { rollout: 9 }),
        deployed('cart', '2.1', t(3, 15, 30), { rollout: 9 }),
        deployed('cart', '2.2', t(10), { rollout: 10 }),
      ],
      rollouts: [
        { id: 7, phase: 'succeeded', finishedAt: t(1, 10, 30) },
        { id: 8, phase: 'rolled-back', finishedAt: t(3, 9, 20) },
        { id: 9, phase: 'succeeded', finishedAt: t(3, 15, 30) },
        { id: 10, phase: 'progressing', finishedAt: null },
      ],
      published: [
        { service: 'cart', version: '2.0', at: t(1, 4) },
        { service: 'cart', version: '2.1', at: t(2, 9) },
        { service: 'cart', version: '2.2', at: t(9) },
      ],
    },
    expected: {
      service: 'cart',
      deployments: 4,
      perDay: 4 / 14,
      perWeek: 2,
      leadTime: { median: 24 * HOUR, p90: 24 * HOUR, measured: 3 },
      failures: 1,
      changeFailureRate: 0.25,
      timeToRestore: { median: 20 * MINUTE, restored: 1, unrestored: 0 },
      reworks: 1,
      reworkRate: 0.25,
    },
  },
  {
    // 3.1 was recorded at 06:00 and published at 07:00, so its publish time is no lead time.
    // It was reverted to 3.0 an hour later (failure restored in 1h; rework). Rollout 11 (3.2)
    // was rolled back but its end is unknown: a failure not yet restored.
    // Lead times: 3.0 12h, 3.2 24h: median 12h (nearest rank), p90 24h.
    name: 'a version recorded before it was published, and a failure without a known end',
    facts: {
      events: [
        deployed('billing', '3.0', t(1)),
        deployed('billing', '3.1', t(2, 6)),
        deployed('billing', '3.0', t(2, 7)),
        deployed('billing', '3.2', t(5), { rollout: 11 }),
      ],
      rollouts: [{ id: 11, phase: 'rolled-back', finishedAt: null }],
      published: [
        { service: 'billing', version: '3.0', at: t(0, 12) },
        { service: 'billing', version: '3.1', at: t(2, 7) },
        { service: 'billing', version: '3.2', at: t(4) },
      ],
    },
    expected: {
      service: 'billing',
      deployments: 4,
      perDay: 4 / 14,
      perWeek: 2,
      leadTime: { median: 12 * HOUR, p90: 24 * HOUR, measured: 2 },
      failures: 2,
      changeFailureRate: 0.5,
      timeToRestore: { median: HOUR, restored: 1, unrestored: 1 },
      reworks: 1,
      reworkRate: 0.25,
    },
  },
  {
    // Only deployed before the period, and once after it: nothing in it, so no rates at all.
    name: 'a service idle in the period',
    facts: {
      events: [deployed('ledger', '5.0', t(-10)), deployed('ledger', '4.0', t(15))],
      rollouts: [],
      published: [{ service: 'ledger', version: '5.0', at: t(-11) }],
    },
    expected: {
      service: 'ledger',
      deployments: 0,
      perDay: 0,
      perWeek: 0,
      leadTime: { median: null, p90: null, measured: 0 },
      failures: 0,
      changeFailureRate: null,
      timeToRestore: { median: null, restored: 0, unrestored: 0 },
      reworks: 0,
      reworkRate: null,
    },
  },
  {
    // 6.1 ran before the period. Going back from 6.2 to 6.1, then forward to 6.2 again: only
    // 6.2's first deployment failed. An undeployment in between makes deploying 6.2 once more a
    // new deployment. Restores: 6.2 at day 1 -> 6.1 at day 1 +3h. Rework: 6.1 (3h after 6.2),
    // 6.2@d1+5h (2h after), 6.2@d1+9h (4h after); 6.2@d1 came three days after 6.1.
    name: 'forward again after a revert is not a failure; undeploy and redeploy is a new deployment',
    facts: {
      events: [
        deployed('search', '6.1', t(-2)),
        deployed('search', '6.2', t(1)),
        deployed('search', '6.1', t(1, 3)),
        deployed('search', '6.2', t(1, 5)),
        undeployed('search', '6.2', t(1, 8)),
        deployed('search', '6.2', t(1, 9)),
      ],
      rollouts: [],
      published: [],
    },
    expected: {
      service: 'search',
      deployments: 4,
      perDay: 4 / 14,
      perWeek: 2,
      leadTime: { median: null, p90: null, measured: 0 },
      failures: 1,
      changeFailureRate: 0.25,
      timeToRestore: { median: 3 * HOUR, restored: 1, unrestored: 0 },
      reworks: 3,
      reworkRate: 0.75,
    },
  },
];

for (const { name, facts, expected } of CASES) {
  test(`delivery metrics: ${name}`, () => {
    assert.deepEqual(deliveryMetrics(facts, PERIOD), [expected]);
  });
}

test('services are reported together, by name, from one set of facts', () => {
  const facts: DeliveryFacts = {
    events: CASES.flatMap((c) => c.facts.events).sort((a, b) => a.at - b.at),
    rollouts: CASES.flatMap((c) => c.facts.rollouts),
    published: CASES.flatMap((c) => c.facts.published),
  };
  const expected = CASES.map((c) => c.expected).sort((a, b) => a.service.localeCompare(b.service));
  assert.deepEqual(deliveryMetrics(facts, PERIOD), expected);
});

test('the report names services that deploy within minutes of each other nearly every time', () => {
  const events: DeploymentFact[] = [];
  for (let day = 1; day <= 4; day += 1) {
    events.push(deployed('api', `1.${day}`, t(day, 10)), deployed('web', `2.${day}`, t(day, 10, 4)));
    events.push(deployed('batch', `3.${day}`, t(day, 10 + day)));
  }
  const report = deliveryReport({ events, rollouts: [], published: [] }, { ...PERIOD, coDeployWindowMs: 15 * MINUTE });
  assert.deepEqual(report.coDeployments, [{ services: ['api', 'web'], together: 4, ratio: 1 }]);
  assert.deepEqual(report.services.map((s) => [s.service, s.deployments]), [['api', 4], ['batch', 4], ['web', 4]]);
});

test('nearest-rank percentiles answer with an observed value', () => {
  assert.equal(percentile([], 0.5), null);
  assert.equal(percentile([5], 0.9), 5);
  assert.equal(percentile([4, 1, 3, 2], 0.5), 2);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9);
});
