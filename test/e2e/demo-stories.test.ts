import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';

// Plays each story as a new user would, non-interactively, through the real binary: the control
// plane, the local runtime and the example services are real processes on loopback.

async function play(story: string): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), `stepwise-demo-${story}-`));
  try {
    const result = await runCli(['demo', '--story', story, '--yes', '--no-wait', '--port', '0', '--data', data], { timeoutMs: 90_000 });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** What the demo printed for the first step that starts with `shown` (`$ stepwise …` or `> GET …`). */
function answer(output: string, shown: string, occurrence = 0): string {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = output.indexOf(`\n${shown}`, from + 1);
    assert.ok(from >= 0, `the demo never showed "${shown}" (#${occurrence + 1})\n${output}`);
  }
  const rest = output.slice(from + 1);
  const end = rest.slice(1).search(/\n(\$ |> |[A-Z])/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

const planSteps = (text: string) => [...text.matchAll(/^\s+\d+\. (.+?)(?: \(.*\))?$/gm)].map((match) => match[1]);

test('lutz: five single-service deployments in the planned order, users see no change until the flag', async () => {
  const out = await play('lutz');
  assert.deepEqual(planSteps(answer(out, '$ stepwise plan')), [
    'deploy queue@1.0',
    'deploy api@2.0',
    'deploy worker@1.0',
    'deploy results-db@1.0',
    'deploy api@3.0',
    'enable-flag reports-from-store',
  ]);
  assert.match(answer(out, '$ stepwise can-i-deploy --service worker'), /: no:/);
  assert.match(answer(out, '$ stepwise can-i-deploy --service worker'), /event:report-jobs/);
  assert.equal(out.match(/phase: succeeded/g)?.length, 6, 'every rollout succeeded');
  assert.match(answer(out, '> GET queue/queues/report-jobs'), /"enqueued":1/);
  assert.match(answer(out, '> GET worker/stats'), /"stored":[1-9]/);
  const before = answer(out, '> GET api/reports/r7', 1);
  const after = answer(out, '> GET api/reports/r7', 2);
  assert.match(before, /"source":"computed inline"/);
  assert.match(after, /"source":"data store"/);
  assert.match(after, /precomputed by the worker/);
});

test('blog: change A is lock-step between posts and web, with an expand step as the way out; change B goes out service by service', async () => {
  const out = await play('blog');
  assert.match(answer(out, '$ stepwise can-i-deploy --service posts --version 2.0'), /: no:/);
  assert.match(answer(out, '$ stepwise can-i-deploy --service web --version 2.0'), /: no:/);
  const planA = answer(out, '$ stepwise plan', 0);
  assert.match(planA, /Lock-step: posts, web/);
  assert.match(planA, /PROPERTY_REQUIRED_NO_ADD.*\(posts@2\.0 \/ web@1\.0\)/);
  assert.match(planA, /Keep it in posts until web no longer relies on it \(expand, then contract\)/);
  assert.deepEqual(planSteps(planA.split('Lock-step')[0]!), ['deploy media@1.0']);
  const proposal = answer(out, '$ stepwise plan', 1);
  assert.match(proposal, /Lock-step: posts, web/);
  assert.match(proposal, /To break it:\n\s+1\. build web@1\.1 \(from 1\.0\) — expand: web@1\.1 on http:posts reads what 1\.0 reads and what 2\.0 reads/);
  assert.match(proposal, /4\. deploy web@2\.0 \(from 1\.1\) — contract step/);
  assert.deepEqual(planSteps(answer(out, '$ stepwise plan', 2)), ['deploy posts@2.1', 'deploy web@2.1', 'enable-flag blog-pictures']);
  assert.equal(out.match(/phase: succeeded/g)?.length, 5, 'every rollout succeeded');
  assert.match(answer(out, '> POST web/posts/hello/pictures', 0), /^ {2}404 .*not available/m);
  assert.match(answer(out, '> POST web/posts/hello/pictures', 1), /^ {2}201 .*"pictures":\[\{"pictureId"/m);
  assert.doesNotMatch(answer(out, '> GET web/posts/hello', 1), /<img/);
  assert.match(answer(out, '> GET web/posts/hello', 2), /<img src="\/pictures\/\w+">/);
});

test('canary: a version failing one request in five is rolled back by its rollout while the stable one serves', async () => {
  const out = await play('canary');
  assert.match(answer(out, '$ stepwise can-i-deploy --service prices --version 1.1'), /: yes:/);
  const rollout = answer(out, '$ stepwise rollout start --service prices --version 1.1');
  assert.match(rollout, /phase: rolled-back/);
  assert.match(rollout, /rolled back because: error rate \d+(\.\d)?% .* is above 5\.0%.*\(analysis-failed\)/);
  assert.match(answer(out, '> GET prices/prices/sku-1', 1), /"version":"1\.0"/);
  const stats = JSON.parse(/\{.*\}/.exec(answer(out, '> GET shopper/stats'))![0]) as { ok: number; errors: number; byVersion: Record<string, number> };
  assert.ok(stats.byVersion['1.1']! > 0 && stats.errors > 0, 'the canary took traffic and failed some of it');
  assert.ok(stats.ok > stats.errors * 5, 'the stable version kept serving');
  assert.match(answer(out, '$ stepwise status'), /^ {2}prices\s+1\.0$/m);
});
