import type { PublishedVersion } from '../model/snapshot.ts';

/** A version that takes part in a decision, with its published facts when they are known. */
export interface LiveRef {
  readonly service: string;
  readonly version: string;
  /** Undefined when the version was never published, or published without contracts. */
  readonly published?: PublishedVersion;
}

export function refLabel(ref: { readonly service: string; readonly version: string }): string {
  return `${ref.service}@${ref.version}`;
}
