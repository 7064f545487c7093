import { sqlMigration } from '../../../db/sql.ts';

export const datastoreMigrations = {
  // Published datasets' own tables live here, one per dataset (like CKAN's DataStore).
  '20261128_07_datastore_init': sqlMigration(['create schema if not exists data']),
};
