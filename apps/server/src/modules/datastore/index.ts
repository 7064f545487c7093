export { countRows, createDataTable, HOUSEKEEPING, migrateDataTable, tableOf } from './datastore.ts';
export { datastoreMigrations } from './migrations/index.ts';
