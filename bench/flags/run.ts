// Flags benchmark: in-process evaluations per second against unleash-client's local evaluation of
// the same flags in the same run, and the time a change takes to reach a streaming client.
// Usage: node --import tsx bench/flags/run.ts [--contexts N] [--changes N]
import { evaluateFlag } from '../../src/flags/evaluate/evaluate-flag.ts';
import { FlagSet } from '../../src/flags/evaluate/flag-set.ts';
import { RemoteFlagSource } from '../../src/flags/client/remote-flag-source.ts';
import type { FlagSnapshot } from '../../src/flags/evaluate/flag-set.ts';
import { PARITY_FLAGS } from '../../test/flags/support/parity-flags.ts';
import { generatedContexts } from '../../test/flags/support/generated-contexts.ts';
import { unleashLocal } from '../../test/flags/support/unleash-local.ts';
import { spawnFlagServer } from '../../test/flags/support/spawn-flag-server.ts';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const CONTEXTS = argument('--contexts', 20_000);
const CHANGES = argument('--changes', 50);
const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function throughput(label: string, run: () => number): { label: string; perSecond: number } {
  run(); // warm-up: let the JIT settle before measuring
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const evaluations = run();
    rates.push(evaluations / ((performance.now() - started) / 1000));
  }
  return { label, perSecond: median(rates) };
}

async function evaluationBench() {
  const contexts = generatedContexts(CONTEXTS, 1234);
  const flags = new FlagSet({ environment: 'bench', revision: 'r', flags: PARITY_FLAGS, live: [] });
  const names = PARITY_FLAGS.map((flag) => flag.name);
  const unleash = unleashLocal(PARITY_FLAGS);
  let sink = 0;
  const ours = throughput('stepwise FlagSet.evaluate (enabled + variant)', () => {
    for (const context of contexts) for (const name of names) if (flags.evaluate(name, context).enabled) sink++;
    return contexts.length * names.length;
  });
  const oursDirect = throughput('stepwise evaluateFlag (definition in hand)', () => {
    for (const context of contexts) for (const flag of PARITY_FLAGS) if (evaluateFlag(flag, context).enabled) sink++;
    return contexts.length * names.length;
  });
  const theirsVariant = throughput('unleash-client getVariant (enabled + variant)', () => {
    // unleash-client takes its own context type; ours is the same shape
    for (const context of contexts) for (const name of names) if (unleash.getVariant(name, context as never).feature_enabled) sink++;
    return contexts.length * names.length;
  });
  // the evaluator inside unleash-client, without its public API's context copy and metric counting
  const inner = (unleash as unknown as { client: { getVariant(name: string, context: unknown): { feature_enabled?: boolean } } }).client;
  const theirsInner = throughput('unleash-client internal UnleashClient.getVariant', () => {
    for (const context of contexts) for (const name of names) if (inner.getVariant(name, context).feature_enabled) sink++;
    return contexts.length * names.length;
  });
  const theirsEnabled = throughput('unleash-client isEnabled (enabled only)', () => {
    for (const context of contexts) for (const name of names) if (unleash.isEnabled(name, context as never)) sink++;
    return contexts.length * names.length;
  });
  unleash.destroy();
  if (sink < 0) console.log(sink);
  return { ours, oursDirect, theirsVariant, theirsEnabled, theirsInner };
}

async function propagationBench() {
  const server = await spawnFlagServer();
  try {
    await server.request('POST', '/v1/environments', { name: 'production' });
    await server.request('POST', '/v1/flags', { name: 'checkout' });
    const source = new RemoteFlagSource({ url: server.url, environment: 'production', token: server.adminToken, intervalMs: 60_000 });
    await source.start();
    let waiting: ((snapshot: FlagSnapshot) => void) | undefined;
    source.onChange((snapshot) => waiting?.(snapshot));
    const total: number[] = [];
    const afterCommit: number[] = [];
    for (let i = 0; i <= CHANGES; i++) {
      const arrived = new Promise<number>((resolve) => {
        waiting = () => resolve(performance.now());
      });
      const started = performance.now();
      const responded = server
        .request('POST', '/v1/environments/production/flags/checkout/changes', { change: { kind: 'rollout', percent: i % 101 }, reason: `bench ${i}` })
        .then(() => performance.now());
      const [at, committed] = await Promise.all([arrived, responded]);
      if (i === 0) continue; // the first change warms the server's code paths
      total.push(at - started);
      afterCommit.push(Math.max(0, at - committed));
    }
    await source.close();
    return { total, afterCommit };
  } finally {
    await server.stop();
  }
}

const evaluation = await evaluationBench();
const propagation = await propagationBench();
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
const rows = [evaluation.ours, evaluation.oursDirect, evaluation.theirsVariant, evaluation.theirsEnabled, evaluation.theirsInner];
console.log(`\nEvaluations per second (${PARITY_FLAGS.length} flags x ${CONTEXTS.toLocaleString('en-US')} contexts, median of ${ROUNDS} rounds, Node ${process.version})\n`);
console.log('| evaluator | evaluations/s |');
console.log('|---|---:|');
for (const row of rows) console.log(`| ${row.label} | ${fmt(row.perSecond)} |`);
console.log(`\nratio stepwise / unleash-client getVariant: ${(evaluation.ours.perSecond / evaluation.theirsVariant.perSecond).toFixed(2)}x (goal >= 2x)`);
console.log(`ratio stepwise / unleash-client isEnabled: ${(evaluation.ours.perSecond / evaluation.theirsEnabled.perSecond).toFixed(2)}x`);
console.log(`ratio stepwise / unleash-client internal evaluator: ${(evaluation.ours.perSecond / evaluation.theirsInner.perSecond).toFixed(2)}x`);
console.log(`\nPropagation of a change to a streaming client (${CHANGES} changes, server in another process, loopback)\n`);
console.log('| measure | median ms | p95 ms | max ms |');
console.log('|---|---:|---:|---:|');
const line = (label: string, values: number[]) =>
  console.log(`| ${label} | ${median(values).toFixed(1)} | ${percentile(values, 0.95).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`);
line('change request sent -> snapshot received', propagation.total);
line('change response received -> snapshot received', propagation.afterCommit);
console.log(`\ngoal: under 100 ms; unleash-client polls every 15 000 ms by default (7 500 ms on average).`);
