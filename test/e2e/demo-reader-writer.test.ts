import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The Reader/Writer story end to end, as `npm start` plays it: the real binary, the real server,
// real service processes behind gateways, progressive rollouts.
test('the Reader/Writer demo refuses the unsafe order, plans the safe one, rolls it out and refuses the rollback', { timeout: 180_000 }, async () => {
  const data = mkdtempSync(join(tmpdir(), 'stepwise-demo-'));
  try {
    const { code, output } = await run(['bin/stepwise.js', 'demo', '--story', 'reader-writer', '--yes', '--no-wait', '--port', '0', '--data', data]);
    assert.equal(code, 0, output);
    const chapter = (from: string, to: string) => output.slice(output.indexOf(from), output.indexOf(to, output.indexOf(from) + from.length));
    assert.match(chapter('$ stepwise can-i-deploy --service writer --version 2.0', '$ stepwise publish'), /: no:[\s\S]*reader@1\.0[\s\S]*application\/json/);
    const lockstep = chapter('--target writer@2.0 --target reader@2.0', '$ stepwise publish');
    assert.match(lockstep, /Lock-step: reader, writer/);
    assert.match(lockstep, /build reader@1\.1/);
    const plan = chapter('--target writer@2.0 --target reader@1.1', '$ stepwise rollout');
    assert.match(plan, /1\. deploy reader@1\.1 \(from 1\.0\) +\[irreversible after step 2\]/, 'the reader that reads both goes first');
    assert.match(plan, /2\. deploy writer@2\.0/);
    assert.equal((output.match(/succeeded {4,}\S/g) ?? []).length >= 4, true, 'four rollouts succeed');
    assert.match(output, /"reports":2,"total":200,"by":"reader@1\.1"/);
    const rollback = chapter('$ stepwise can-i-deploy --service reader --version 1.0', '$ stepwise can-i-deploy --service reader --version 2.0');
    assert.match(rollback, /: no:[\s\S]*writer@2\.0 has written newer data to store:reports[\s\S]*ROLLBACK_UNSAFE/);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STEPWISE_TOKEN: '', STEPWISE_URL: '' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}
