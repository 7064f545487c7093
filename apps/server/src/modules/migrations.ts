import type { Migration } from 'kysely';
import { demoMigrations } from '../demo/seed/migrations.ts';
import { ledgerMigrations } from '../platform/ledger/index.ts';
import { areasMigrations } from './areas/index.ts';
import { authMigrations } from './auth/index.ts';
import { catalogMigrations } from './catalog/index.ts';
import { classifyMigrations } from './classify/index.ts';
import { datastoreMigrations } from './datastore/index.ts';
import { ingestMigrations } from './ingest/index.ts';
import { jobsMigrations } from './jobs/index.ts';
import { mydataMigrations } from './mydata/index.ts';
import { openAccessMigrations, openCommunityMigrations } from './open/index.ts';
import { orgsMigrations } from './orgs/index.ts';
import { privacyMigrations } from './privacy/index.ts';
import { qualityMigrations } from './quality/index.ts';
import { sharingMigrations } from './sharing/index.ts';

/** Every module's migrations, keyed by dated names so that name order is creation order. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration>[] = [
    areasMigrations,
    orgsMigrations,
    authMigrations,
    jobsMigrations,
    ledgerMigrations,
    catalogMigrations,
    datastoreMigrations,
    ingestMigrations,
    classifyMigrations,
    qualityMigrations,
    privacyMigrations,
    openAccessMigrations,
    openCommunityMigrations,
    sharingMigrations,
    mydataMigrations,
    demoMigrations,
  ];
  const out: Record<string, Migration> = {};
  for (const set of all) {
    for (const [name, m] of Object.entries(set)) {
      if (out[name]) throw new Error(`duplicate migration name ${name}`);
      out[name] = m;
    }
  }
  return out;
}
