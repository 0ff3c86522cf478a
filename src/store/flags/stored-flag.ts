import type { FlagDefinition } from '../../flags/evaluate/flag-definition.ts';
import type { FlagRow } from '../tables/flags.ts';

/** A flag in one environment as the store keeps it, with who changed it last and why. */
export interface StoredFlag {
  readonly name: string;
  readonly environment: string;
  readonly description?: string;
  readonly definition: FlagDefinition;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly updateReason?: string;
}

/** The definition column holds everything but the name, which has its own column. */
export function definitionOf(name: string, json: string): FlagDefinition {
  return { name, ...(JSON.parse(json) as Omit<FlagDefinition, 'name'>) };
}

export function definitionJson(definition: FlagDefinition): string {
  const { name: _name, ...rest } = definition;
  return JSON.stringify(rest);
}

export function toStoredFlag(row: FlagRow): StoredFlag {
  return {
    name: row.name,
    environment: row.environment,
    ...(row.description === null ? {} : { description: row.description }),
    definition: definitionOf(row.name, row.definition),
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    ...(row.update_reason === null ? {} : { updateReason: row.update_reason }),
  };
}
