import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readBlockYaml, SharedBlocks } from '../../../src/contracts/openapi/block-yaml.ts';

const corpora = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));

/** What js-yaml gives, the reference the fast reader must match exactly. */
function reference(text: string): { value: unknown } | { error: true } {
  try {
    return { value: load(text, { json: true, schema: CORE_SCHEMA }) };
  } catch {
    return { error: true };
  }
}

/** The fast reader either declines or gives js-yaml's value, with keys in the same order. */
function assertAgrees(text: string, label: string, shared?: SharedBlocks): 'read' | 'declined' {
  const fast = readBlockYaml(text, shared);
  if (!fast) return 'declined';
  const expected = reference(text);
  assert.ok('value' in expected, `${label}: js-yaml rejects this text, the fast reader must decline it`);
  assert.deepStrictEqual(fast.value, expected.value, label);
  assert.equal(JSON.stringify(fast.value), JSON.stringify(expected.value), `${label}: key order`);
  return 'read';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name));
}

describe('readBlockYaml', () => {
  it('reads every large spec of the corpus exactly as js-yaml does (none declined)', () => {
    for (const file of yamlFiles(join(corpora, 'big-specs'))) {
      assert.equal(assertAgrees(readFileSync(file, 'utf8'), file), 'read', `${file} should be inside the subset`);
    }
  });

  it('agrees with js-yaml or declines on every oasdiff fixture', () => {
    let read = 0;
    const files = yamlFiles(join(corpora, 'openapi-oasdiff', 'data'));
    for (const file of files) if (assertAgrees(readFileSync(file, 'utf8'), file) === 'read') read++;
    assert.ok(read > files.length / 2, `only ${read} of ${files.length} fixtures read`);
  });

  const cases: [string, string][] = [
    ['scalars typed by the core schema', 'a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 010\nf: 1.5\ng: .inf\nh: -.Inf\ni: .nan\nj: true\nk: False\nl: null\nm: ~\nn: 2025-01-01\no: 1_000\np: +3\nq: 1e3\nr: nope\ns: yes\n'],
    ['keys typed then stringified', '200: a\n1.0: b\nnull: c\ntrue: d\n0x10: e\n"300": f\n\'x y\': g\n'],
    ['empty values and collections', 'a:\nb: []\nc: {}\nd: [ ]\ne:\n  -\n  - x\n'],
    ['nested mappings and sequences', 'a:\n  b:\n    - c: 1\n      d: [x, 2, true]\n    -\n      - 1\n      - 2\n    -   e: f\n  g: h\nlist:\n- 1\n- k: v\n  w: z\nlast: 1\n'],
    ['plain scalars over several lines', 'a: one\n  two\n\n  three\n\n\n  four\nb:\n  five\n  six\nc:\n  - seven\n    eight\n'],
    ['quoted scalars', 'a: "x\\"y\\\\z\\n\\t\\u00e9\\x41\\/"\nb: \'it\'\'s\'\nc: "multi\n  line\n\n  text"\nd: \'multi\n  line\'\ne: "# not a comment"\nf: \'a: b\'\n'],
    ['literal block scalars', 'a: |\n  line 1\n    indented\n\n  line 3\nb: |-\n  strip\n\n\nc: |+\n  keep\n\n\nd: |\n  clip\n\n\ne: x\n'],
    ['folded block scalars', 'a: >\n  one\n  two\n\n  three\n    more\n    indented\n  back\nb: >-\n  x\n  y\nc: >+\n  z\n\n'],
    ['block scalar in a sequence and at the end', 'a:\n  - |\n    item\n  - b\nz: |\n  end'],
    ['comments and document start', '---\n# comment\na: 1 # trailing\n  # indented comment\nb: 2\n'],
    ['duplicate keys, last wins', 'a: 1\nb: 2\na: 3\n'],
    ['colons and hashes inside plain scalars', 'a: http://x.y/z#frag\nb: a:b\nc: x: y\nd: value:\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['unsupported constructs', 'a: &x 1\nb: *x\nc: !!str 1\nd: {e: f}\n? g\n: h\n'],
    ['tabs and carriage returns', 'a:\r\n  b: 1\r\nc:\t2\n'],
    ['proto and merge keys', '__proto__: 1\n<<: 2\n'],
  ];
  for (const [name, text] of cases) {
    it(`agrees with js-yaml or declines: ${name}`, () => {
      assertAgrees(text, name);
    });
  }

  it('reads the subset it is meant for', () => {
    for (const name of ['scalars typed by the core schema', 'keys typed then stringified', 'empty values and collections', 'nested mappings and sequences', 'plain scalars over several lines', 'literal block scalars', 'folded block scalars']) {
      assert.equal(assertAgrees(cases.find(([n]) => n === name)![1], name), 'read', name);
    }
  });

  it('a revision read after its original reuses the original\'s identical blocks and still reads as js-yaml does', () => {
    const base = readFileSync(join(corpora, 'big-specs', 'burgershop.openapi.yaml'), 'utf8');
    const shared = new SharedBlocks();
    const before = readBlockYaml(base, shared)!.value as { paths: Record<string, unknown> };
    const after = readBlockYaml(readFileSync(join(corpora, 'big-specs', 'burgershop.openapi-modified.yaml'), 'utf8'), shared)!.value as { paths: Record<string, unknown> };
    assertAgrees(readFileSync(join(corpora, 'big-specs', 'burgershop.openapi-modified.yaml'), 'utf8'), 'modified burgershop', shared);
    const reused = Object.keys(before.paths).filter((path) => before.paths[path] === after.paths[path]);
    assert.ok(reused.length > 0, 'no path item was reused');
    const stripe = readFileSync(join(corpora, 'big-specs', 'stripe-old.yaml'), 'utf8');
    const stripeShared = new SharedBlocks();
    readBlockYaml(stripe, stripeShared);
    // a revision with edits at several depths: changed, added and removed lines
    const edited = stripe
      .replace('    account:\n', '    account:\n      x-added: true\n')
      .replace(/maxLength: 5000\n/, 'maxLength: 4000\n')
      .replace(/\n  \/v1\/charges:\n/, '\n  /v1/charges-renamed:\n');
    assert.notEqual(edited, stripe);
    assert.equal(assertAgrees(edited, 'edited stripe', stripeShared), 'read');
  });

  it('reuses blocks only where js-yaml reads the same value, for every oasdiff pair', () => {
    const cases = JSON.parse(readFileSync(join(corpora, 'openapi-oasdiff', 'cases.json'), 'utf8')) as { base: string; rev: string }[];
    for (const { base, rev } of cases) {
      const shared = new SharedBlocks();
      readBlockYaml(readFileSync(join(corpora, 'openapi-oasdiff', base), 'utf8'), shared);
      assertAgrees(readFileSync(join(corpora, 'openapi-oasdiff', rev), 'utf8'), `${base} -> ${rev}`, shared);
    }
  });

  it('agrees with js-yaml or declines on randomly mutated documents', () => {
    const head = (file: string): string => readFileSync(join(corpora, 'big-specs', file), 'utf8').split('\n').slice(0, 80).join('\n');
    const sources = [...cases.slice(0, 12).map(([, text]) => text), head('burgershop.openapi.yaml'), head('stripe-old.yaml'), head('asana.yaml')];
    const pieces = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', "'", '"', '|', '>', '|-', '[', ']', '{', '}', '\\', '1', 'x', '\n  ', '\n\n', '---\n', '&', '*', '!', '?'];
    let state = 12345;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    let read = 0;
    for (let round = 0; round < 1500; round++) {
      const source = sources[random(sources.length)]!;
      let text = source;
      for (let edit = 0; edit < 1 + random(3); edit++) {
        const at = random(text.length + 1);
        text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(3)) : text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at);
      }
      if (assertAgrees(text, `round ${round}: ${JSON.stringify(text)}`) === 'read') read++;
      // and read after the text it was mutated from, sharing that text's blocks
      const shared = new SharedBlocks();
      readBlockYaml(source, shared);
      assertAgrees(text, `round ${round}, after its source: ${JSON.stringify(text)}`, shared);
    }
    // a good share of mutations stay inside the subset, so the comparison above is of real values
    assert.ok(read > 400, `only ${read} of 1500 mutated documents read`);
  });
});
