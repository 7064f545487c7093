import { type Migration, sql } from 'kysely';

/**
 * A migration made of plain SQL statements, run one at a time: PGlite's extended protocol
 * takes a single statement per call, and plain SQL keeps the schema reviewable.
 */
export function sqlMigration(up: string[]): Migration {
  return {
    async up(db) {
      for (const stmt of up) await sql.raw(stmt).execute(db);
    },
  };
}
