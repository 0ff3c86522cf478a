import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractEngine } from './engine.ts';
import type { RuleDefinition } from './rule.ts';
import { LINK_RULES } from './link-rules.ts';
import { JSON_SCHEMA_ENGINE } from './jsonschema/jsonschema-engine.ts';
import { JSON_SCHEMA_RULES } from './jsonschema/rules.ts';
import { AVRO_ENGINE } from './avro/avro-engine.ts';
import { AVRO_RULES } from './avro/avro-rules.ts';
import { protobufEngine } from './protobuf/protobuf-engine.ts';
import { RULES as PROTOBUF_RULES } from './protobuf/rules/index.ts';
import { openapiEngine } from './openapi/openapi-engine.ts';
import { OPENAPI_RULES } from './openapi/openapi-rules.ts';

/**
 * The engines, one per contract kind, and the catalog of every rule. Each kind's folder exports
 * its engine and its `RULES`; they are listed here and nowhere else.
 */
export const ENGINES: Partial<Record<ContractKind, ContractEngine>> = {
  jsonschema: JSON_SCHEMA_ENGINE,
  avro: AVRO_ENGINE,
  openapi: openapiEngine,
  protobuf: protobufEngine,
};

export const CATALOG: readonly RuleDefinition[] = [...LINK_RULES, ...JSON_SCHEMA_RULES, ...AVRO_RULES, ...OPENAPI_RULES, ...PROTOBUF_RULES];

export function engineFor(kind: ContractKind): ContractEngine {
  const engine = ENGINES[kind];
  if (!engine) throw new Error(`no contract engine for kind "${kind}"`);
  return engine;
}

export function findRule(id: string): RuleDefinition | undefined {
  return CATALOG.find((rule) => rule.id === id);
}

export type { ContractEngine, ConsumerExpectation, CheckOptions } from './engine.ts';
export { ContractError } from './contract-error.ts';
