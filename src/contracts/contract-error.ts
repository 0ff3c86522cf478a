import type { SourceLocation } from '../model/finding.ts';

/** A contract that cannot be read: says what is wrong and exactly where. */
export class ContractError extends Error {
  readonly code = 'CONTRACT_INVALID';
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    const where = [location.file, location.line, location.column].filter((x) => x !== undefined).join(':');
    super(`${where ? `${where}: ` : ''}${message}${location.pointer ? ` (at ${location.pointer})` : ''}`);
    this.name = 'ContractError';
  }
}
