import { ContractError } from '../contracts/contract-error.ts';
import { ENGINES } from '../contracts/index.ts';
import { loadContractSource } from '../files/load-contract-source.ts';
import type { ContractKind } from '../model/contract-kind.ts';
import type { ContractSource } from '../model/contract-source.ts';
import { StepwiseError } from '../model/errors.ts';
import type { Publication, PublishedConsumes, PublishedProvides } from './publication.ts';
import type { LoadedManifest } from './read-manifest.ts';

export interface PublicationMeta {
  readonly version: string;
  readonly branch?: string;
  readonly commit?: string;
}

/**
 * Loads every contract file the manifest names and checks each with the engine for its kind, so
 * a bad file is reported here with its own line and the manifest line that names it.
 */
export async function buildPublication(loaded: LoadedManifest, meta: PublicationMeta): Promise<Publication> {
  const { manifest } = loaded;
  const load = async (kind: ContractKind, path: string, pointer: string): Promise<ContractSource> => {
    try {
      const source = await loadContractSource(kind, path, loaded.dir);
      ENGINES[kind]?.validate(source);
      return source;
    } catch (error) {
      throw rewrap(error, loaded, pointer);
    }
  };
  const sources = async (entry: { kind: ContractKind; contract?: string; formats?: Record<string, string> }, pointer: string) => {
    const out: { contract?: ContractSource; formats?: Record<string, ContractSource> } = {};
    if (entry.contract !== undefined) out.contract = await load(entry.kind, entry.contract, `${pointer}/contract`);
    if (entry.formats !== undefined) {
      out.formats = {};
      for (const [mediaType, path] of Object.entries(entry.formats)) out.formats[mediaType] = await load(entry.kind, path, `${pointer}/formats/${mediaType.replace(/\//g, '~1')}`);
    }
    return out;
  };
  const provides: PublishedProvides[] = [];
  for (const [index, entry] of (manifest.provides ?? []).entries()) {
    const { contract: _contract, formats: _formats, ...rest } = entry;
    provides.push({ ...rest, ...(await sources(entry, `/provides/${index}`)) });
  }
  const consumes: PublishedConsumes[] = [];
  for (const [index, entry] of (manifest.consumes ?? []).entries()) {
    const { contract: _contract, formats: _formats, ...rest } = entry;
    consumes.push({ ...rest, ...(await sources(entry, `/consumes/${index}`)) });
  }
  const publication: Publication = {
    version: meta.version,
    ...(meta.branch === undefined ? {} : { branch: meta.branch }),
    ...(meta.commit === undefined ? {} : { commit: meta.commit }),
    ...(manifest.owner === undefined ? {} : { owner: manifest.owner }),
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    provides,
    consumes,
    ...(manifest.run === undefined ? {} : { run: manifest.run }),
    ...(manifest.rollout === undefined ? {} : { rollout: manifest.rollout }),
  };
  return publication;
}

/** Adds the manifest line that names the contract to the engine's own file:line message. */
function rewrap(error: unknown, loaded: LoadedManifest, pointer: string): StepwiseError {
  const line = loaded.lineOf(pointer) ?? 1;
  const prefix = `${loaded.file}:${line}: ${pointer}`;
  if (error instanceof ContractError) {
    const { file, line: contractLine, column, pointer: contractPointer } = error.location;
    return new StepwiseError('CONTRACT_INVALID', `${prefix}: ${error.message}`, {
      ...(file ? { file } : {}),
      ...(contractLine ? { line: contractLine } : {}),
      ...(column ? { column } : {}),
      pointer: contractPointer,
    });
  }
  if (error instanceof StepwiseError) return new StepwiseError(error.code, `${prefix}: ${error.message}`, error.where ?? { file: loaded.file, line }, error.details);
  return new StepwiseError('CONTRACT_INVALID', `${prefix}: ${error instanceof Error ? error.message : String(error)}`, { file: loaded.file, line });
}
