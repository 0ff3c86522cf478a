import { ENGINES } from '../contracts/index.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { StepwiseError } from '../model/errors.ts';
import type { Publication } from './publication.ts';

/**
 * Checks that every contract is a valid document of its kind, with the engine for that kind where
 * one exists. Throws the engine's ContractError (file, line, pointer) for the first bad one.
 */
export function validatePublicationContracts(publication: Publication): void {
  const entries = [
    ...publication.provides.map((entry, index) => ({ entry, pointer: `/provides/${index}` })),
    ...publication.consumes.map((entry, index) => ({ entry, pointer: `/consumes/${index}` })),
  ];
  for (const { entry, pointer } of entries) {
    const sources: [string, ContractSource][] = [
      ...(entry.contract ? ([[`${pointer}/contract`, entry.contract]] as [string, ContractSource][]) : []),
      ...Object.entries(entry.formats ?? {}).map(([type, source]): [string, ContractSource] => [`${pointer}/formats/${type.replace(/~/g, '~0').replace(/\//g, '~1')}`, source]),
    ];
    for (const [where, source] of sources) {
      if (source.kind !== entry.kind) {
        throw new StepwiseError('BAD_INPUT', `${entry.interface}: the contract is ${source.kind} but the interface says ${entry.kind}`, { pointer: where });
      }
      if (!(source.entry in source.files)) {
        throw new StepwiseError('BAD_INPUT', `${entry.interface}: the contract's entry file ${source.entry} is not among its files`, { pointer: where });
      }
      ENGINES[source.kind]?.validate(source);
    }
  }
}
