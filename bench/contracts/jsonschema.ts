// JSON Schema subset check: 1,000 generated writer/reader pairs, p50/p99 per check, and
// json-schema-diff (npm) on the draft-07 pairs in the same run.
// Run: node --import tsx bench/contracts/jsonschema.ts [count] [--peer-pairs=100] [--no-peer]
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { JSON_SCHEMA_ENGINE } from '../../src/contracts/jsonschema/jsonschema-engine.ts';
import type { ContractSource } from '../../src/model/contract-source.ts';
import { generatePairs } from './jsonschema-pairs.ts';
import { SchemaSet } from '../../src/contracts/jsonschema/schema-set.ts';
import { SubsetChecker } from '../../src/contracts/jsonschema/subset-checker.ts';

const PEERS = join(import.meta.dirname, '../peers');
const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);
const withPeer = !process.argv.includes('--no-peer');
// json-schema-diff takes 0.2–9 s per pair here, so it runs on the first draft-07 pairs only
const peerLimit = Number(process.argv.find((arg) => arg.startsWith('--peer-pairs='))?.split('=')[1] ?? 100);

interface JsonSchemaDiff {
  diffSchemas(options: { sourceSchema: unknown; destinationSchema: unknown }): Promise<{ removalsFound: boolean; additionsFound: boolean }>;
}

function loadPeer(): JsonSchemaDiff {
  if (!existsSync(join(PEERS, 'node_modules/json-schema-diff'))) execSync('npm install --no-audit --no-fund', { cwd: PEERS, stdio: 'inherit' });
  return createRequire(join(PEERS, 'package.json'))('json-schema-diff') as JsonSchemaDiff;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return `n=${times.length} p50=${percentile(sorted, 0.5).toFixed(2)} ms p90=${percentile(sorted, 0.9).toFixed(2)} ms p99=${percentile(sorted, 0.99).toFixed(2)} ms max=${sorted.at(-1)!.toFixed(2)} ms total=${(total / 1000).toFixed(2)} s`;
}

const source = (schema: unknown): ContractSource => ({ kind: 'jsonschema', entry: 'event.json', files: { 'event.json': JSON.stringify(schema, null, 2) } });

const pairs = generatePairs(count, 42);
const sources = pairs.map((pair) => ({ writer: source(pair.writer), reader: source(pair.reader) }));
const sizes = pairs.map((p) => p.properties).sort((a, b) => a - b);
console.log(`${pairs.length} pairs, ${sizes[0]}–${sizes.at(-1)} properties (median ${percentile(sizes, 0.5)}), ${pairs.filter((p) => p.edits.length === 0).length} unchanged`);

// warm-up on pairs outside the measured set
for (const pair of generatePairs(20, 7)) JSON_SCHEMA_ENGINE.satisfies(source(pair.writer), { contract: source(pair.reader) });

// The decision alone (parse, walk, raw problems), without building and verifying counterexamples.
const decision: number[] = [];
const decisionCpu: number[] = [];
for (const { writer, reader } of sources) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const checker = new SubsetChecker(new SchemaSet(writer, 'w'), new SchemaSet(reader, 'r'));
  checker.run();
  decision.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  decisionCpu.push((used.user + used.system) / 1000);
  checker.writerVerifier.dispose();
  checker.readerVerifier.dispose();
}
console.log(`Stepwise, decision only:         ${summary(decision)}`);
console.log(`Stepwise, decision only, CPU:    ${summary(decisionCpu)}`);

const ours: number[] = [];
const oursCpu: number[] = [];
const oursCompatible: number[] = [];
const oursBreaking: number[] = [];
const verdicts: ('ok' | 'break' | 'warn')[] = [];
for (const { writer, reader } of sources) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const findings = JSON_SCHEMA_ENGINE.satisfies(writer, { contract: reader });
  const used = process.cpuUsage(cpu);
  const elapsed = performance.now() - started;
  ours.push(elapsed);
  oursCpu.push((used.user + used.system) / 1000);
  const verdict = findings.some((f) => f.severity === 'breaking') ? 'break' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'ok';
  verdicts.push(verdict);
  (verdict === 'break' ? oursBreaking : oursCompatible).push(elapsed);
}
console.log(`Stepwise, all pairs:             ${summary(ours)}`);
console.log(`Stepwise, all pairs, CPU time:   ${summary(oursCpu)}`);
console.log(`Stepwise, no breaking finding:   ${summary(oursCompatible)}`);
console.log(`Stepwise, breaking (verified):   ${summary(oursBreaking)}`);
console.log(`verdicts: ${verdicts.filter((v) => v === 'ok').length} ok, ${verdicts.filter((v) => v === 'break').length} breaking, ${verdicts.filter((v) => v === 'warn').length} warning only`);

if (!withPeer) process.exit(0);
const peer = loadPeer();
const draft07 = pairs.map((pair, index) => ({ pair, index })).filter(({ pair }) => pair.dialect === 'draft-07').slice(0, peerLimit);
const theirs: number[] = [];
const oursOnSame: number[] = [];
let agree = 0;
let peerFailed = 0;
for (const pair of generatePairs(6, 7).filter((p) => p.dialect === 'draft-07')) await peer.diffSchemas({ sourceSchema: structuredClone(pair.writer), destinationSchema: structuredClone(pair.reader) }).catch(() => undefined);
for (const { pair, index } of draft07) {
  const started = performance.now();
  try {
    const result = await peer.diffSchemas({ sourceSchema: structuredClone(pair.writer), destinationSchema: structuredClone(pair.reader) });
    theirs.push(performance.now() - started);
    oursOnSame.push(ours[index]!);
    if (result.removalsFound === (verdicts[index] === 'break')) agree++;
  } catch {
    peerFailed++;
  }
}
console.log(`json-schema-diff, draft-07:      ${summary(theirs)} (${peerFailed} failed)`);
console.log(`Stepwise on the same pairs:      ${summary(oursOnSame)}`);
const median = (list: number[]) => percentile([...list].sort((a, b) => a - b), 0.5);
console.log(`ratio of medians json-schema-diff / Stepwise: ${(median(theirs) / median(oursOnSame)).toFixed(1)}x; verdicts agree on ${agree}/${theirs.length}`);
