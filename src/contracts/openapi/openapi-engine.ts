import type { ContractSource } from '../../model/contract-source.ts';
import type { Finding } from '../../model/finding.ts';
import { ContractError } from '../contract-error.ts';
import type { CheckOptions, ConsumerExpectation, ContractEngine } from '../engine.ts';
import { applyPolicies } from '../policy/apply-policies.ts';
import { SharedBlocks } from './block-yaml.ts';
import { compareOperations } from './compare-operations.ts';
import { FindingSink } from './finding-sink.ts';
import { OpenApiDocument } from './openapi-document.ts';
import { OPENAPI_RULES } from './openapi-rules.ts';
import { indexOperations, type OperationEntry } from './operation-index.ts';
import { SchemaComparer } from './schema-comparer.ts';

/**
 * OpenAPI 3.0, 3.1 and Swagger 2.0. `settings.now` (an ISO date) lets removals of deprecated
 * operations past their `x-sunset` date pass; without it every removal counts.
 */
export const openapiEngine: ContractEngine = {
  kind: 'openapi',

  validate(source: ContractSource): void {
    indexOperations(new OpenApiDocument(source));
  },

  compare(before: ContractSource, after: ContractSource, options?: CheckOptions): Finding[] {
    const shared = new SharedBlocks();
    const b = new OpenApiDocument(before, shared);
    const a = new OpenApiDocument(after, shared);
    return run(b, a, indexOperations(b), indexOperations(a), options);
  },

  satisfies(provider: ContractSource, expectation: ConsumerExpectation, options?: CheckOptions): Finding[] {
    const shared = new SharedBlocks();
    const served = new OpenApiDocument(provider, shared);
    const servedOps = indexOperations(served);
    const wanted = expectation.operations;
    if (!expectation.contract) {
      const sink = new FindingSink(served, served);
      for (const name of wanted ?? []) {
        if (!findOperation(servedOps, name)) sink.add('OPERATION_NO_DELETE', name, { deprecatedNote: ': the consumer calls it and the provider does not serve it' });
      }
      return applyPolicies(sink.findings(), OPENAPI_RULES, options);
    }
    const expected = new OpenApiDocument(expectation.contract, shared);
    let expectedOps = indexOperations(expected);
    if (wanted && wanted.length > 0) {
      const keep = new Map<string, OperationEntry>();
      for (const name of wanted) {
        const op = findOperation(expectedOps, name);
        if (!op) throw new ContractError(`the consumer lists operation ${name}, which its own contract does not describe`, { file: expectation.contract.entry, pointer: '/paths' });
        keep.set(op.key, op);
      }
      expectedOps = keep;
    }
    return run(expected, served, expectedOps, servedOps, options, true);
  },
};

function run(
  b: OpenApiDocument,
  a: OpenApiDocument,
  bOps: ReadonlyMap<string, OperationEntry>,
  aOps: ReadonlyMap<string, OperationEntry>,
  options: CheckOptions | undefined,
  consumer = false,
): Finding[] {
  const sink = new FindingSink(b, a);
  const now = typeof options?.settings?.now === 'string' ? options.settings.now : undefined;
  compareOperations(sink, new SchemaComparer(b, a), bOps, aOps, now, consumer);
  return applyPolicies(sink.findings(), OPENAPI_RULES, options);
}

/** An operation by operationId or by `METHOD /path` (parameter names ignored). */
function findOperation(ops: ReadonlyMap<string, OperationEntry>, name: string): OperationEntry | undefined {
  const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(name.trim());
  if (match) return ops.get(`${match[1]!.toUpperCase()} ${match[2]!.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '') || '/'}`);
  for (const op of ops.values()) if (op.operationId === name) return op;
  return undefined;
}
