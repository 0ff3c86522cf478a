/**
 * OpenAPI breaking-change check on large real specs, our figures beside the peers' in one run:
 * - Stripe (3 MB YAML, circular schemas) against a revision made by deterministic edits;
 * - Asana against a revision made the same way, with openapi-diff and Optic on the same pair;
 * - GitHub's REST description from two neighbouring majors of @octokit/openapi.
 * Each of our measurements runs in a fresh process (openapi-run.ts) so its peak memory is its own.
 * Run: `node --import tsx bench/contracts/openapi.ts [--no-peer]` (installs the peers into bench/peers/
 * if missing; `--no-peer` skips openapi-diff and Optic, which take minutes, and measures only Stepwise).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';
import { reviseSpec } from './openapi-edits.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const specs = join(root, '..', 'shared', 'corpora', 'big-specs');
const peers = join(root, 'bench', 'peers');
const out = join(root, 'bench', '.out', 'openapi');
const ROUNDS = 3;
const PEER_TIMEOUT_MS = 600_000;
const EDITS = 60;
const withPeers = !process.argv.includes('--no-peer');

const peerBin = {
  openapiDiff: join(peers, 'node_modules', 'openapi-diff', 'bin', 'openapi-diff'),
  optic: join(peers, 'node_modules', '@useoptic', 'optic', 'build', 'index.js'),
  githubPrevious: join(peers, 'node_modules', 'octokit-openapi-previous', 'generated', 'api.github.com.json'),
  githubCurrent: join(peers, 'node_modules', 'octokit-openapi-current', 'generated', 'api.github.com.json'),
};
if (Object.values(peerBin).some((path) => !existsSync(path))) {
  console.log('installing peers into bench/peers ...');
  execFileSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
mkdirSync(out, { recursive: true });

interface OurRun {
  wallMs: number;
  compareMs: number;
  cpuMs: number;
  peakRssMb: number;
  findings: number;
  breaking: number;
  warning: number;
  info: number;
}

interface PeerRun {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  status: string;
}

/** A revision of a YAML spec, written next to a normalised copy of the original so both sides are dumped alike. */
function revisedPair(name: string, seed: number): { before: string; after: string; edits: string[] } {
  const original = load(readFileSync(join(specs, name), 'utf8'), { json: true }) as Record<string, unknown>;
  const { doc, edits } = reviseSpec(original, seed, EDITS);
  const before = join(out, name.replace(/\.yaml$/, '.base.yaml'));
  const after = join(out, name.replace(/\.yaml$/, '.revised.yaml'));
  writeFileSync(before, dump(original, { lineWidth: -1, noRefs: true }));
  writeFileSync(after, dump(doc, { lineWidth: -1, noRefs: true }));
  writeFileSync(join(out, name.replace(/\.yaml$/, '.edits.txt')), `${edits.join('\n')}\n`);
  return { before, after, edits };
}

function ours(before: string, after: string): OurRun {
  const runs: OurRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'contracts', 'openapi-run.ts'), before, after], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
    if (result.status !== 0) throw new Error(`our run failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout.trim().split('\n').pop()!) as OurRun);
  }
  const median = (pick: (run: OurRun) => number) => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return { ...runs[0]!, wallMs: median((r) => r.wallMs), compareMs: median((r) => r.compareMs), cpuMs: median((r) => r.cpuMs), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

/** A peer CLI under /usr/bin/time: wall clock, CPU and peak resident memory of the whole process. */
function peer(args: string[], env: Record<string, string> = {}): PeerRun {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', process.execPath, '--max-old-space-size=8192', ...args], {
    encoding: 'utf8', cwd: out, timeout: PEER_TIMEOUT_MS, maxBuffer: 1 << 28, env: { ...process.env, ...env },
  });
  const wallMs = performance.now() - started;
  const time = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? '');
  const status = result.error ? `killed after ${PEER_TIMEOUT_MS / 1000} s` : result.status === 0 ? 'no breaking changes' : `exit ${result.status}${/error|Error/.test(result.stderr) && result.status !== 1 ? `: ${firstError(result.stderr)}` : ''}`;
  return { wallMs, cpuMs: time ? (Number(time[1]) + Number(time[2])) * 1000 : NaN, peakRssMb: time ? Number(time[3]) / 1024 : NaN, status };
}

function firstError(stderr: string): string {
  return (stderr.split('\n').find((line) => /error/i.test(line)) ?? '').trim().slice(0, 120);
}

const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value).toLocaleString('en')} ms`);
const mb = (value: number) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)} MB`);
const describe = (run: OurRun) => `${ms(run.wallMs)} wall (${ms(run.compareMs)} compare), ${ms(run.cpuMs)} CPU, peak ${mb(run.peakRssMb)}; ${run.findings} findings (${run.breaking} breaking, ${run.warning} warnings, ${run.info} info)`;

console.log(`OpenAPI breaking-change check (node ${process.version}, median of ${ROUNDS} fresh processes for Stepwise)`);

const stripe = revisedPair('stripe-old.yaml', 7);
console.log(`\nStripe: ${stripe.edits.length} edits`);
const stripeRun = ours(stripe.before, stripe.after);
console.log(`  stepwise:      ${describe(stripeRun)}   goal < 1,000 ms, < 500 MB`);

const asana = revisedPair('asana.yaml', 11);
console.log(`\nAsana: ${asana.edits.length} edits`);
const asanaRun = ours(asana.before, asana.after);
console.log(`  stepwise:      ${describe(asanaRun)}   goal < 300 ms`);
if (withPeers) {
  const openapiDiff = peer([peerBin.openapiDiff, asana.before, asana.after]);
  console.log(`  openapi-diff:  ${ms(openapiDiff.wallMs)} wall, ${ms(openapiDiff.cpuMs)} CPU, peak ${mb(openapiDiff.peakRssMb)} (${openapiDiff.status}); ratio ${(openapiDiff.wallMs / asanaRun.wallMs).toFixed(0)}x wall`);
  const optic = peer([peerBin.optic, 'diff', asana.before, asana.after, '--check'], { OPTIC_TELEMETRY_LEVEL: 'off', OPTIC_ENV: 'local', CI: 'true' });
  console.log(`  optic:         ${ms(optic.wallMs)} wall, ${ms(optic.cpuMs)} CPU, peak ${mb(optic.peakRssMb)} (${optic.status}); ratio ${(optic.wallMs / asanaRun.wallMs).toFixed(0)}x wall`);
} else console.log('  (peers skipped: --no-peer)');

const github = ours(peerBin.githubPrevious, peerBin.githubCurrent);
const version = (which: string) => (JSON.parse(readFileSync(join(peers, 'node_modules', which, 'package.json'), 'utf8')) as { version: string }).version;
console.log(`\nGitHub REST (@octokit/openapi ${version('octokit-openapi-previous')} -> ${version('octokit-openapi-current')}, api.github.com.json, 2 x 13 MB)`);
console.log(`  stepwise:      ${describe(github)}`);
