import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { allMigrations } from '../modules/migrations.ts';
import type { Db } from './connection.ts';

class ModulesProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return allMigrations();
  }
}

/** Applies every module's pending migrations in name (date) order, under Kysely's migration lock. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new ModulesProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `数据库迁移失败 / migration failed${name}: ${String((error as Error)?.message ?? error)}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
