export { datastoreRoutes } from './datastore.routes.ts';
export {
  analyzeTable,
  countRows,
  createDataTable,
  HOUSEKEEPING,
  migrateDataTable,
  tableOf,
} from './datastore.ts';
export { copyable, copyCanonical } from './datastore-copy.ts';
export { type FeedRow, readChanges } from './datastore-feed.ts';
export { loadTableOf, openLoad, publishLoad } from './datastore-load.ts';
export {
  canonicalLine,
  canonicalRows,
  irregularLines,
  type StagePlan,
  stagedCells,
  stageLines,
} from './datastore-stage.ts';
export { dataVersion, tombstoneVersion } from './datastore-version.ts';
export {
  deleteRowsNotFrom,
  lockDatasetWrites,
  type NumberedRow,
  type Value,
  type WriteMode,
  writeBatch,
  writeRows,
} from './datastore-write.ts';
export { createFeedService, type FeedService } from './feed.service.ts';
export { type Invalid, parseFilters, typedValue } from './filters.ts';
export { datastoreMigrations } from './migrations/index.ts';
export { columnExpr, ident, selectList } from './select-list.ts';
