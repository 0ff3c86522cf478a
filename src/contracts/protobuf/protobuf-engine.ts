import type { ContractSource } from '../../model/contract-source.ts';
import { ContractError } from '../contract-error.ts';
import type { ContractEngine } from '../engine.ts';
import { compareProtoSets } from './compare-proto-sets.ts';
import { loadProtoSet } from './load-proto-set.ts';
import { satisfiesProto } from './satisfies-proto.ts';

/**
 * Protobuf contracts: a set of .proto files (the entry plus everything in `files`), judged with
 * buf's breaking-change rules and categories. `settings.use` / `settings.except` take rule or
 * category ids and win over the buf.yaml of the current version.
 */
export const protobufEngine: ContractEngine = {
  kind: 'protobuf',
  validate(source: ContractSource): void {
    loadProtoSet(source);
  },
  compare(before, after, options) {
    return compareProtoSets(loadProtoSet(before), loadProtoSet(after), options);
  },
  satisfies(provider, expectation, options) {
    if (!expectation.contract) {
      throw new ContractError('a protobuf consumer expectation needs the .proto the client was generated from', { pointer: '/contract' });
    }
    return satisfiesProto(loadProtoSet(provider), loadProtoSet(expectation.contract), expectation, options);
  },
};
