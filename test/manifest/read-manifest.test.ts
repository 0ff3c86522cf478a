import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../src/manifest/read-manifest.ts';
import { describeDifferences } from '../../src/manifest/describe-differences.ts';
import { parseDuration } from '../../src/manifest/parse-duration.ts';
import { StepwiseError } from '../../src/model/errors.ts';

const problemsOf = (text: string): string[] => {
  try {
    parseManifest(text, 'stepwise.yaml', '/tmp');
  } catch (error) {
    assert.ok(error instanceof StepwiseError);
    assert.equal(error.code, 'MANIFEST_INVALID');
    return error.message.split('\n');
  }
  return [];
};

const CASES: [string, string, string[]][] = [
  ['a valid manifest', 'service: writer\nprovides:\n  - interface: http:writer\n    kind: openapi\n    contract: a.yaml\n', []],
  ['a YAML syntax error', 'service: writer\nprovides: [\n', ['stepwise.yaml:3: ']],
  ['no service', 'owner: me\n', ['stepwise.yaml:1: /service: missing required field `service`']],
  ['a bad service name', 'service: Writer\n', ['stepwise.yaml:1: /service: must be lowercase letters']],
  ['an unknown field', 'service: w\nconsumes:\n  - interface: http:x\n    kind: openapi\n    optional: true\n', ['stepwise.yaml:5: /consumes/0/optional: unknown field `optional`']],
  ['a bad retention', 'service: w\nprovides:\n  - interface: store:x\n    kind: avro\n    retention: 30 days\n', ['stepwise.yaml:5: /provides/0/retention: must be a duration']],
  ['an interface listed twice', 'service: w\nprovides:\n  - interface: http:x\n    kind: openapi\n  - interface: http:x\n    kind: openapi\n', ['stepwise.yaml:5: /provides/1/interface: this interface is listed twice']],
  ['not a mapping', '- a\n- b\n', ['stepwise.yaml:1: the manifest must be a mapping']],
];

for (const [name, text, expected] of CASES) {
  test(`manifest: ${name}`, () => {
    const problems = problemsOf(text);
    assert.equal(problems.length, expected.length, problems.join('\n'));
    expected.forEach((start, index) => assert.ok(problems[index]!.startsWith(start), `${problems[index]} should start with ${start}`));
  });
}

test('every problem is reported at once, each on its line', () => {
  const problems = problemsOf('service: w\nprovides:\n  - interface: users\n    kind: graphql\n');
  assert.deepEqual(problems.map((line) => line.split(': ')[0]), ['stepwise.yaml:3', 'stepwise.yaml:4']);
});

test('differences between two published contents are named by interface and field', () => {
  const before = { owner: 'a', provides: [{ interface: 'http:x', contract: 'sha256:1' }, { interface: 'event:y', contract: 'sha256:2' }], consumes: [] };
  const after = { owner: 'b', provides: [{ interface: 'http:x', contract: 'sha256:3' }, { interface: 'store:z' }], consumes: [] };
  assert.deepEqual(describeDifferences(before, after), [
    'owner: "a" -> "b"',
    'provides[http:x].contract: "sha256:1" -> "sha256:3"',
    'provides[event:y] removed',
    'provides[store:z] added',
  ]);
  assert.deepEqual(describeDifferences(before, structuredClone(before)), []);
});

test('durations', () => {
  assert.deepEqual(['30d', '12h', '90m', '15s', '250ms', '2w', '30 days', 'd'].map(parseDuration), [
    2_592_000_000, 43_200_000, 5_400_000, 15_000, 250, 1_209_600_000, undefined, undefined,
  ]);
});
