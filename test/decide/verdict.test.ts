import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REASON_CODES, type ReasonCode } from '../../src/decide/reason-code.ts';
import { verdictOf } from '../../src/decide/verdict.ts';

const reason = (code: ReasonCode) => ({ code, service: 's', version: '1', message: 'a sentence long enough to read' });

test('no beats unknown, unknown beats yes, warnings and notes never block', () => {
  const table: [ReasonCode[], string][] = [
    [[], 'yes'],
    [['UNVERSIONED_CONTRACT', 'IGNORED', 'OPTIONAL_DEPENDENCY_SKIPPED', 'IGNORE_EXPIRED'], 'yes'],
    [['CONTRACTS_UNKNOWN'], 'unknown'],
    [['CHECK_UNAVAILABLE', 'UNVERSIONED_CONTRACT'], 'unknown'],
    [['CONTRACTS_UNKNOWN', 'CONSUMER_BROKEN'], 'no'],
    [['CONSUMER_BROKEN', 'CONTRACTS_UNKNOWN'], 'no'],
    [['ROLLBACK_UNSAFE'], 'no'],
  ];
  for (const [codes, expected] of table) assert.equal(verdictOf(codes.map(reason)), expected, codes.join(','));
});

test('every reason code says what it means and how to fix it', () => {
  for (const [code, definition] of Object.entries(REASON_CODES)) {
    assert.match(code, /^[A-Z][A-Z_]+$/);
    assert.ok(definition.meaning.endsWith('.') && definition.fix.endsWith('.'), code);
    assert.ok(['no', 'unknown', 'warning', 'info'].includes(definition.effect), code);
  }
});
