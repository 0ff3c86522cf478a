import type { ContractKind } from './contract-kind.ts';

/**
 * A contract document as the engine sees it: the entry file plus every file it may reference
 * (external `$ref`s, protobuf imports), keyed by a path relative to the manifest. Plain text, so a
 * contract can be stored, hashed and re-checked without touching the filesystem.
 */
export interface ContractSource {
  readonly kind: ContractKind;
  /** Path of the entry document inside `files`. */
  readonly entry: string;
  /** Path -> file text. Always contains `entry`. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * What one side of a link holds for one interface. A single `contract` for OpenAPI, protobuf and
 * most schemas; `formats` (media type -> contract) where one interface carries several encodings,
 * e.g. a store holding `application/xml` and `application/json` documents.
 */
export interface InterfaceContracts {
  readonly kind: ContractKind;
  readonly contract?: ContractSource;
  readonly formats?: Readonly<Record<string, ContractSource>>;
}
