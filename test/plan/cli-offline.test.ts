import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Command } from 'commander';
import { StepwiseError } from '../../src/model/errors.ts';
import { registerPlan } from '../../src/cli/commands/plan.ts';
import type { CliContext } from '../../src/cli/command.ts';
import { FIXTURES } from './support/plan-fixture.ts';

/** Runs `stepwise plan …` through the real command registration, with the real engines. */
async function plan(cwd: string, args: string[]): Promise<{ code: number; stdout: string; error?: unknown }> {
  let stdout = '';
  let code = 0;
  const context: CliContext = { stdout: (text) => void (stdout += text), stderr: () => undefined, env: {}, cwd, exit: (value) => void (code = value) };
  const program = new Command('stepwise').exitOverride();
  registerPlan(program, context);
  try {
    await program.parseAsync(['plan', ...args], { from: 'user' });
  } catch (error) {
    return { code: error instanceof StepwiseError ? error.exitCode : -1, stdout, error };
  }
  return { code, stdout };
}

const READER_WRITER = join(FIXTURES, 'reader-writer');
const LUTZ = join(FIXTURES, 'lutz');

test('offline JSON: steps with action, service, version, reversible and reason; exit 0', async () => {
  const result = await plan(READER_WRITER, ['--env', 'production', '--target', 'writer@2.0', '--target', 'reader@1.1', '--offline', 'writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@1.1', '--state', 'state.yaml', '--format', 'json']);
  assert.equal(result.code, 0, String(result.error));
  const json = JSON.parse(result.stdout) as { steps: { action: string; service: string; version: string; reversible: boolean; reason: string }[]; lockstep: unknown[] };
  assert.deepEqual(json.steps.map((s) => [s.action, s.service, s.version, s.reversible]), [['deploy', 'reader', '1.1', false], ['deploy', 'writer', '2.0', true]]);
  assert.deepEqual(json.lockstep, []);
  for (const step of json.steps) assert.ok(step.reason.length > 10);
});

test('offline lock-step exits 1 and names the binding in every format', async () => {
  const args = ['--env', 'production', '--target', 'writer@2.0', '--target', 'reader@2.0', '--offline', 'writer@1.0', 'writer@2.0', 'reader@1.0', 'reader@2.0', '--state', 'state.yaml'];
  const text = await plan(READER_WRITER, args);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /Lock-step: reader, writer/);
  assert.match(text.stdout, /store:reports FORMAT_READ_BY_CONSUMER/);
  assert.match(text.stdout, /build reader@1\.1 \(from 1\.0\)/);
  const markdown = await plan(READER_WRITER, [...args, '--format', 'markdown']);
  assert.equal(markdown.code, 1);
  assert.match(markdown.stdout, /### Lock-step: reader, writer/);
  assert.match(markdown.stdout, /\| `store:reports` \| `FORMAT_READ_BY_CONSUMER` \|/);
  const mermaid = await plan(READER_WRITER, [...args, '--format', 'mermaid']);
  assert.match(mermaid.stdout, /^flowchart TD/);
  assert.match(mermaid.stdout, /subgraph production_lock0\["lock-step"\]/);
  assert.match(mermaid.stdout, /production_lock0_reader -\. "store:reports FORMAT_READ_BY_CONSUMER" \.- production_lock0_writer/);
  const json = JSON.parse((await plan(READER_WRITER, [...args, '--json'])).stdout) as { lockstep: { services: string[]; bindings: { interface: string; rule: string }[]; proposal: { action: string }[] }[] };
  assert.deepEqual(json.lockstep[0]!.services, ['reader', 'writer']);
  assert.equal(json.lockstep[0]!.proposal[0]!.action, 'build');
});

test('offline, the Lutz schedule for staging then production', async () => {
  const result = await plan(LUTZ, [
    '--env', 'staging', '--env', 'production',
    '--target', 'queue@1.0', '--target', 'api@2.0', '--target', 'worker@1.0', '--target', 'results-db@1.0', '--target', 'api@3.0',
    '--offline', 'queue@1.0', 'api@1.0', 'api@2.0', 'api@3.0', 'worker@1.0', 'results-db@1.0', '--state', 'state.yaml',
  ]);
  assert.equal(result.code, 0, String(result.error));
  assert.match(result.stdout, /^staging:\n {2}1\. deploy queue@1\.0 \(new\)/);
  assert.match(result.stdout, /production:\n {2}7\. deploy queue@1\.0 \(new\)/);
  assert.match(result.stdout, /12\. enable-flag reports-from-store/);
});

test('bad input exits 3 with the place named', async () => {
  const unknown = await plan(READER_WRITER, ['--env', 'production', '--target', 'writer@9', '--offline', 'writer@1.0', '--state', 'state.yaml']);
  assert.equal(unknown.code, 3);
  assert.match((unknown.error as Error).message, /writer@9 is not published/);
  const target = await plan(READER_WRITER, ['--env', 'production', '--target', 'writer', '--offline', 'writer@1.0']);
  assert.equal(target.code, 3);
  assert.match((target.error as Error).message, /must be service@version/);
  const format = await plan(READER_WRITER, ['--env', 'production', '--target', 'writer@2.0', '--offline', 'writer@2.0', '--format', 'yaml']);
  assert.equal(format.code, 3);
  const noEnv = await plan(READER_WRITER, ['--target', 'writer@2.0', '--offline', 'writer@2.0']);
  assert.equal(noEnv.code, 3);
  assert.match((noEnv.error as Error).message, /at least one --env/);
  const missing = await plan(READER_WRITER, ['--env', 'production', '--target', 'writer@2.0', '--offline', 'nowhere']);
  assert.equal(missing.code, 3);
  assert.match((missing.error as Error).message, /no stepwise\.yaml in .*nowhere/);
});

test('a manifest error names the file, the line and the field', async () => {
  const result = await plan(FIXTURES, ['--env', 'production', '--target', 'broken@1.0', '--offline', 'broken@1.0']);
  assert.equal(result.code, 3);
  const error = result.error as StepwiseError;
  assert.equal(error.code, 'MANIFEST_INVALID');
  assert.match(error.message, /broken@1\.0\/stepwise\.yaml:5 \/provides\/0\/interface/);
});
