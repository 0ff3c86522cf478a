import type { CreateTableBuilder } from 'kysely';
import type { StoreDialect } from '../database.ts';

/** Adds an auto-numbered integer primary key `id`, spelled the way each database wants it. */
export function withIdColumn<T extends string>(table: CreateTableBuilder<T, never>, dialect: StoreDialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (col) => col.primaryKey())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
