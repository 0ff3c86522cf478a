import type { ContractSource } from '../../model/contract-source.ts';
import type { Finding } from '../../model/finding.ts';
import type { CheckOptions, ConsumerExpectation, ContractEngine } from '../engine.ts';
import { ContractError } from '../contract-error.ts';
import { SchemaSet } from './schema-set.ts';
import { SubsetChecker } from './subset-checker.ts';
import { problemsToFindings, type Orientation } from './problems-to-findings.ts';
import { applyOptions } from './apply-options.ts';
import { JSON_SCHEMA_RULES } from './rules.ts';
import { validateSchemaSet } from './validate-schema-set.ts';
import { parseMode, type CompatibilityMode } from '../compatibility-mode.ts';

/**
 * JSON Schema as a contract for messages and stored documents. `satisfies` asks whether every
 * instance the provider (writer) may write is valid under the consumer's (reader's) schema.
 * `compare` judges one schema's evolution in Confluent's sense, BACKWARD unless
 * `settings.mode` says otherwise: BACKWARD = the new schema reads data written with the old one,
 * FORWARD = the old schema reads data written with the new one, FULL = both.
 */
export const JSON_SCHEMA_ENGINE: ContractEngine = {
  kind: 'jsonschema',

  validate(source: ContractSource): void {
    validateSchemaSet(new SchemaSet(source, 'w'));
  },

  compare(before: ContractSource, after: ContractSource, options?: CheckOptions): Finding[] {
    const mode = parseMode(options?.settings?.['mode']);
    const findings = compareInMode(before, after, mode);
    return applyOptions(findings, JSON_SCHEMA_RULES, options);
  },

  satisfies(provider: ContractSource, expectation: ConsumerExpectation, options?: CheckOptions): Finding[] {
    if (!expectation.contract) return [];
    return applyOptions(subset(provider, expectation.contract, { writerIs: 'before' }), JSON_SCHEMA_RULES, options);
  },
};

function compareInMode(before: ContractSource, after: ContractSource, mode: CompatibilityMode): Finding[] {
  const base = mode.replace('_TRANSITIVE', '');
  const findings: Finding[] = [];
  if (base === 'NONE') return findings;
  const full = base === 'FULL';
  if (base === 'BACKWARD' || full) findings.push(...subset(before, after, { writerIs: 'before', ...(full ? { direction: 'BACKWARD' } : {}) }));
  if (base === 'FORWARD' || full) findings.push(...subset(after, before, { writerIs: 'after', ...(full ? { direction: 'FORWARD' } : {}) }));
  const dialects = [new SchemaSet(before, 'b').dialect, new SchemaSet(after, 'a').dialect];
  if (dialects[0] !== dialects[1]) {
    findings.push({
      rule: 'DIALECT_NO_CHANGE',
      kind: 'jsonschema',
      severity: 'info',
      direction: 'message',
      subject: '/',
      before: { pointer: '/$schema', file: before.entry },
      after: { pointer: '/$schema', file: after.entry },
      message: `the dialect changed from ${dialects[0]} to ${dialects[1]}`,
      fingerprint: 'DIALECT_NO_CHANGE:/',
      details: { before: dialects[0], after: dialects[1] },
    });
  }
  return findings;
}

function subset(writer: ContractSource, reader: ContractSource, orientation: Orientation): Finding[] {
  const checker = new SubsetChecker(new SchemaSet(writer, 'w'), new SchemaSet(reader, 'r'));
  try {
    return problemsToFindings(checker, checker.run(), orientation);
  } catch (error) {
    if (error instanceof ContractError) throw error;
    if (error instanceof RangeError) {
      throw new ContractError(`schema too deeply nested to check: ${error.message}`, { pointer: '', file: writer.entry });
    }
    throw error;
  } finally {
    checker.writerVerifier.dispose();
    checker.readerVerifier.dispose();
  }
}
