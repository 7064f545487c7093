export { ingestRoutes } from './ingest.routes.ts';
export {
  autoMapping,
  createIngestService,
  type DatasetLookup,
  type IngestService,
} from './ingest.service.ts';
export type { IngestTables } from './ingest.tables.ts';
export { ingestMigrations } from './migrations/index.ts';
export * from './parse/index.ts';
