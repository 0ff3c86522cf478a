/**
 * Protobuf breaking-change check against `buf breaking`, over the 58 cases of the buf corpus, in
 * one run. Ours runs in this process (load the two directories, compare); buf runs once per case
 * as its CLI does in CI. Run: `node --import tsx bench/contracts/protobuf.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protobufEngine } from '../../src/contracts/protobuf/protobuf-engine.ts';
import { loadContractDirectory } from '../../src/files/load-contract-directory.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpora', 'protobuf-buf');
const peers = join(root, 'bench', 'peers');
const buf = join(peers, 'node_modules', '.bin', 'buf');
const ROUNDS = 3;

if (!existsSync(buf)) {
  console.log('installing peers into bench/peers ...');
  execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const cases = readdirSync(join(corpus, 'previous')).sort();

async function ours(): Promise<{ total: number; compare: number; findings: number }> {
  let compare = 0;
  let findings = 0;
  const started = performance.now();
  for (const name of cases) {
    const previous = await loadContractDirectory('protobuf', join(corpus, 'previous', name));
    const current = await loadContractDirectory('protobuf', join(corpus, 'current', name));
    const before = performance.now();
    findings += protobufEngine.compare(previous, current).length;
    compare += performance.now() - before;
  }
  return { total: performance.now() - started, compare, findings };
}

function theirs(): { total: number; findings: number; failures: number } {
  let findings = 0;
  let failures = 0;
  const started = performance.now();
  for (const name of cases) {
    // From inside the case, as the corpus was produced: buf.yaml names its policy files relative to it.
    const result = spawnSync(buf, ['breaking', '.', '--against', join(corpus, 'previous', name), '--error-format', 'json'], {
      encoding: 'utf8', cwd: join(corpus, 'current', name),
    });
    findings += result.stdout.split('\n').filter((line) => line.startsWith('{')).length;
    if (result.status !== 0 && result.status !== 100) failures += 1;
  }
  return { total: performance.now() - started, findings, failures };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await ours();
const ourRuns = [];
const bufRuns = [];
for (let round = 0; round < ROUNDS; round += 1) {
  ourRuns.push(await ours());
  bufRuns.push(theirs());
}
const ourTotal = median(ourRuns.map((run) => run.total));
const ourCompare = median(ourRuns.map((run) => run.compare));
const bufTotal = median(bufRuns.map((run) => run.total));
const version = execFileSync(buf, ['--version'], { encoding: 'utf8' }).trim();

console.log(`protobuf breaking, ${cases.length} buf cases, median of ${ROUNDS} rounds (node ${process.version}, buf ${version})`);
console.log(`  stepwise: ${ourTotal.toFixed(1)} ms total (read + parse + compare), ${ourCompare.toFixed(1)} ms parse + compare, ${ourRuns[0]!.findings} findings`);
console.log(`  buf:      ${bufTotal.toFixed(1)} ms total (one CLI run per case), ${bufRuns[0]!.findings} findings, ${bufRuns[0]!.failures} runs failed`);
console.log(`  ratio:    buf / stepwise = ${(bufTotal / ourTotal).toFixed(1)}x (${(bufTotal / cases.length).toFixed(1)} vs ${(ourTotal / cases.length).toFixed(2)} ms per case)`);
