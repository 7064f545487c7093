export { countRows, createDataTable, HOUSEKEEPING, migrateDataTable, tableOf } from './datastore.ts';
export { deleteRowsNotFrom, type Value, writeRows } from './datastore-write.ts';
export { datastoreMigrations } from './migrations/index.ts';
