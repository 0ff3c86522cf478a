import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// The pure core: plain data in, plain data out. No I/O, no clock, no framework.
const CORE = ['src/model', 'src/contracts', 'src/decide', 'src/plan', 'src/flags/evaluate', 'src/insights', 'src/rollout/machine'];
const FORBIDDEN = [
  /^node:(fs|fs\/promises|net|http|https|child_process|dgram|worker_threads|timers|timers\/promises|os|process)$/,
  /^(fs|net|http|https|child_process|os)$/,
  /^(fastify|@fastify\/.*|kysely|better-sqlite3|pg|commander|undici)$/,
  /\/(store|server|cli)\//,
  /\/rollout\/(runner|targets)\//,
];
const CLOCK = /\b(Date\.now\(\)|new Date\(\)|performance\.now\(\)|setTimeout\(|setInterval\(|process\.)/;

function sources(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('the core imports nothing from the shell and reads no clock', () => {
  const problems: string[] = [];
  for (const file of CORE.flatMap((dir) => sources(dir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)) {
      const spec = match[1]!;
      if (FORBIDDEN.some((rule) => rule.test(spec))) problems.push(`${file} imports ${spec}`);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const clock = CLOCK.exec(code);
    if (clock) problems.push(`${file} uses ${clock[1]}`);
  }
  assert.deepEqual(problems, []);
});
