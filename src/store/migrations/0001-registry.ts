import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.ts';
import { withIdColumn } from './id-column.ts';
import type { StepwiseMigration } from './migration.ts';

/** The registry: services, contracts by hash, versions and their interfaces, environments, deployments, tokens, audit. */
export const registryMigration: StepwiseMigration = {
  // `any`: migrations are frozen in time (see migration.ts).
  async up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
    await db.schema
      .createTable('services')
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('owner', 'text')
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('contracts')
      .addColumn('hash', 'text', (col) => col.primaryKey())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('entry', 'text', (col) => col.notNull())
      .addColumn('files', 'text', (col) => col.notNull())
      .addColumn('size', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();

    await withIdColumn(db.schema.createTable('versions'), dialect)
      .addColumn('service', 'text', (col) => col.notNull().references('services.name'))
      .addColumn('version', 'text', (col) => col.notNull())
      .addColumn('branch', 'text')
      .addColumn('commit_sha', 'text')
      .addColumn('has_contracts', 'integer', (col) => col.notNull())
      .addColumn('content_hash', 'text')
      .addColumn('manifest', 'text')
      .addColumn('published_at', 'text', (col) => col.notNull())
      .addUniqueConstraint('versions_service_version', ['service', 'version'])
      .execute();
    await db.schema.createIndex('versions_service_published').on('versions').columns(['service', 'published_at']).execute();

    await withIdColumn(db.schema.createTable('version_interfaces'), dialect)
      .addColumn('version_id', 'integer', (col) => col.notNull().references('versions.id').onDelete('cascade'))
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('interface', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('contract_hash', 'text', (col) => col.references('contracts.hash'))
      .addColumn('formats', 'text')
      .addColumn('operations', 'text')
      .addColumn('required', 'integer', (col) => col.notNull())
      .addColumn('flag', 'text')
      .addColumn('retention_ms', 'bigint')
      .addColumn('extra', 'text')
      .execute();
    await db.schema.createIndex('version_interfaces_version').on('version_interfaces').columns(['version_id', 'role', 'position']).execute();
    await db.schema.createIndex('version_interfaces_interface').on('version_interfaces').columns(['interface', 'role']).execute();

    await db.schema
      .createTable('environments')
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();

    await withIdColumn(db.schema.createTable('deployment_events'), dialect)
      .addColumn('environment', 'text', (col) => col.notNull().references('environments.name'))
      .addColumn('service', 'text', (col) => col.notNull().references('services.name'))
      .addColumn('version', 'text', (col) => col.notNull())
      .addColumn('target', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('data', 'text')
      .execute();
    await db.schema.createIndex('deployment_events_env_service').on('deployment_events').columns(['environment', 'service', 'id']).execute();

    await withIdColumn(db.schema.createTable('live_versions'), dialect)
      .addColumn('environment', 'text', (col) => col.notNull().references('environments.name'))
      .addColumn('service', 'text', (col) => col.notNull().references('services.name'))
      .addColumn('version', 'text', (col) => col.notNull())
      .addColumn('target', 'text', (col) => col.notNull())
      .addColumn('mode', 'text', (col) => col.notNull())
      .addColumn('since', 'text', (col) => col.notNull())
      .addColumn('until', 'text')
      .addColumn('since_event', 'integer', (col) => col.notNull())
      .addColumn('until_event', 'integer')
      .execute();
    // Status reads the open spans of an environment; history reads all spans of one.
    await db.schema.createIndex('live_versions_env_open').on('live_versions').columns(['environment', 'until', 'service']).execute();
    await db.schema.createIndex('live_versions_env_service').on('live_versions').columns(['environment', 'service', 'target']).execute();

    await db.schema
      .createTable('tokens')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('secret_hash', 'text', (col) => col.notNull().unique())
      .addColumn('scope', 'text', (col) => col.notNull())
      .addColumn('services', 'text')
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await withIdColumn(db.schema.createTable('audit_events'), dialect)
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('subject', 'text', (col) => col.notNull())
      .addColumn('data', 'text')
      .addColumn('previous', 'text')
      .execute();
    await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject', 'id']).execute();
  },
};
