import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.ts';

// The example systems, planned offline from their manifests, as their READMEs show: a quick check
// that the examples keep telling their stories when contracts or the planner change.

async function plan(dir: string, versions: string[], targets: string[]): Promise<{ code: number; json: { steps: Array<{ action: string; service?: string; version?: string; flag?: string }>; lockstep: Array<{ services: string[] }> } }> {
  let out = '';
  const code = await main(
    ['node', 'stepwise', 'plan', '--offline', ...versions.map((v) => `examples/${dir}/${v}`), '--state', `examples/${dir}/state.yaml`, '--env', 'production', ...targets.flatMap((t) => ['--target', t]), '--format', 'json'],
    { stdout: (text) => ((out += text), true), stderr: () => true, env: {} },
  );
  return { code, json: JSON.parse(out) };
}

const labels = (steps: Array<{ action: string; service?: string; version?: string; flag?: string }>) =>
  steps.map((step) => (step.flag ? `${step.action} ${step.flag}` : `${step.action} ${step.service}@${step.version}`));

test('lutz: the article order, derived from the example manifests', async () => {
  const { code, json } = await plan('lutz', ['api@1.0', 'api@2.0', 'api@3.0', 'queue@1.0', 'worker@1.0', 'results-db@1.0'], ['worker@1.0', 'api@2.0', 'results-db@1.0', 'api@3.0', 'queue@1.0']);
  assert.equal(code, 0);
  assert.deepEqual(labels(json.steps), ['deploy queue@1.0', 'deploy api@2.0', 'deploy worker@1.0', 'deploy results-db@1.0', 'deploy api@3.0', 'enable-flag reports-from-store']);
});

test('blog pictures: change A is lock-step between posts and web, change B is not', async () => {
  const a = await plan('blog-pictures', ['web@1.0', 'web@2.0', 'posts@1.0', 'posts@2.0', 'media@1.0'], ['media@1.0', 'posts@2.0', 'web@2.0']);
  assert.equal(a.code, 1);
  assert.deepEqual(labels(a.json.steps), ['deploy media@1.0']);
  assert.deepEqual(a.json.lockstep.map((group) => [...group.services].sort()), [['posts', 'web']]);
  const b = await plan('blog-pictures', ['web@1.0', 'web@2.1', 'posts@1.0', 'posts@2.1', 'media@1.0'], ['web@2.1', 'posts@2.1', 'media@1.0']);
  assert.equal(b.code, 0);
  assert.deepEqual(labels(b.json.steps), ['deploy media@1.0', 'deploy posts@2.1', 'deploy web@2.1', 'enable-flag blog-pictures']);
  assert.deepEqual(b.json.lockstep, []);
});
