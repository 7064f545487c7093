export * from './areas.ts';
export * from './auth.ts';
export * from './catalog.ts';
export * from './common.ts';
export * from './jobs.ts';
export * from './ledger.ts';
export * from './orgs.ts';
export * from './system.ts';
