import avro from 'avsc';
import type { ContractSource } from '../../model/contract-source.ts';
import type { Finding } from '../../model/finding.ts';
import type { CheckOptions, ConsumerExpectation, ContractEngine } from '../engine.ts';
import { ContractError } from '../contract-error.ts';
import { applyOptions } from '../jsonschema/apply-options.ts';
import { parseMode } from '../compatibility-mode.ts';
import { readAvroSource, type AvroSide } from './avro-source.ts';
import { resolveAvro, type AvroProblem } from './resolve-avro.ts';
import { AVRO_RULES, renderAvroMessage } from './avro-rules.ts';

/**
 * Avro as a contract for events and stored records. `satisfies` asks whether the consumer (reader
 * schema) can read what the provider (writer schema) writes; `compare` judges an evolution in
 * Confluent's sense, BACKWARD unless `settings.mode` says otherwise. Every problem is reported
 * (our own walk of both schemas); avsc's resolver runs too, and a failure it finds that the walk
 * did not becomes a SCHEMA_RESOLVABLE finding.
 */
export const AVRO_ENGINE: ContractEngine = {
  kind: 'avro',

  validate(source: ContractSource): void {
    const side = readAvroSource(source);
    avscType(side, source.entry);
  },

  compare(before: ContractSource, after: ContractSource, options?: CheckOptions): Finding[] {
    const base = parseMode(options?.settings?.['mode']).replace('_TRANSITIVE', '');
    if (base === 'NONE') return [];
    const findings: Finding[] = [];
    const full = base === 'FULL';
    if (base === 'BACKWARD' || full) findings.push(...check(before, after, 'before', full ? 'BACKWARD' : undefined));
    if (base === 'FORWARD' || full) findings.push(...check(after, before, 'after', full ? 'FORWARD' : undefined));
    return applyOptions(findings, AVRO_RULES, options);
  },

  satisfies(provider: ContractSource, expectation: ConsumerExpectation, options?: CheckOptions): Finding[] {
    if (!expectation.contract) return [];
    return applyOptions(check(provider, expectation.contract, 'before'), AVRO_RULES, options);
  },
};

function avscType(side: AvroSide, file: string): avro.Type {
  const registry = {};
  let type: avro.Type | undefined;
  for (const json of side.json) {
    try {
      type = avro.Type.forSchema(json as avro.Schema, { registry });
    } catch (error) {
      throw new ContractError(`not a valid Avro schema: ${(error as Error).message}`, { pointer: '', file });
    }
  }
  return type!;
}

function check(writerSource: ContractSource, readerSource: ContractSource, writerIs: 'before' | 'after', mode?: string): Finding[] {
  const writer = readAvroSource(writerSource);
  const reader = readAvroSource(readerSource);
  const problems = resolveAvro(writer.root, reader.root);
  const breaking = problems.some((p) => !p.undecided);
  let avscFailure: string | undefined;
  try {
    avscType(reader, readerSource.entry).createResolver(avscType(writer, writerSource.entry));
  } catch (error) {
    avscFailure = (error as Error).message;
  }
  if (avscFailure && !breaking) {
    problems.push({ rule: 'SCHEMA_RESOLVABLE', subject: 'schema', details: { reason: avscFailure } });
  }
  return problems.map((problem) => toFinding(problem, writerIs, mode));
}

function toFinding(problem: AvroProblem, writerIs: 'before' | 'after', mode?: string): Finding {
  const writerLocation = problem.writer ? problem.writer.doc.location(problem.writer.pointer) : undefined;
  const readerLocation = problem.reader ? problem.reader.doc.location(problem.reader.pointer) : undefined;
  const [before, after] = writerIs === 'before' ? [writerLocation, readerLocation] : [readerLocation, writerLocation];
  const rule = AVRO_RULES.find((r) => r.id === problem.rule);
  return {
    rule: problem.rule,
    kind: 'avro',
    severity: rule?.severity ?? 'breaking',
    direction: 'message',
    subject: problem.subject,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    message: renderAvroMessage(problem.rule, problem.subject, problem.details),
    fingerprint: `${problem.rule}:${problem.subject}${mode ? `:${mode}` : ''}`,
    details: { ...problem.details, ...(mode ? { mode } : {}) },
  };
}
