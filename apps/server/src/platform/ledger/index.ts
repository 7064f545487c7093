export { type LedgerInput, subjectHash } from './entry.ts';
export { ledgerRoutes } from './ledger.routes.ts';
export { createLedger, type Ledger } from './ledger.service.ts';
export type { LedgerTables } from './ledger.tables.ts';
export { ledgerMigrations } from './migrations/index.ts';
export { noteSigner } from './note.ts';
