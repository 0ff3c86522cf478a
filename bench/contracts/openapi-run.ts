/**
 * One measured comparison in a fresh process, so peak memory is this comparison's own:
 * `node --import tsx bench/contracts/openapi-run.ts OLD NEW` prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { openapiEngine } from '../../src/contracts/openapi/openapi-engine.ts';
import { loadContractSource } from '../../src/files/load-contract-source.ts';

const [oldPath, newPath] = process.argv.slice(2) as [string, string];
const rssBefore = process.resourceUsage().maxRSS;
const cpu = process.cpuUsage();
const started = performance.now();
const before = await loadContractSource('openapi', basename(oldPath), dirname(oldPath));
const after = await loadContractSource('openapi', basename(newPath), dirname(newPath));
const loaded = performance.now();
const findings = openapiEngine.compare(before, after);
const finished = performance.now();
const used = process.cpuUsage(cpu);
const bySeverity = { breaking: 0, warning: 0, info: 0 };
for (const finding of findings) bySeverity[finding.severity]++;
console.log(
  JSON.stringify({
    wallMs: finished - started,
    compareMs: finished - loaded,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baselineRssMb: rssBefore / 1024,
    findings: findings.length,
    ...bySeverity,
    bytes: readFileSync(oldPath).length + readFileSync(newPath).length,
  }),
);
