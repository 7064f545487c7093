import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Days that differ from Monday–Friday: statutory holidays, and weekend days worked instead (调休). */
export type Calendar = ReadonlyMap<string, 'holiday' | 'workday'>;

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date in China (UTC+8, no daylight saving) at an instant, as YYYY-MM-DD. */
export const chinaDay = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const shift = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** A working day: a 调休 workday, or a Monday–Friday that is not a holiday. */
export function isWorkingDay(day: string, calendar: Calendar): boolean {
  const kind = calendar.get(day);
  if (kind) return kind === 'workday';
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The `n`th working day after `day` (the day itself never counts, whatever it is). */
export function addWorkingDays(day: string, n: number, calendar: Calendar): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = shift(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** The calendar entries from `from` on, for `days` days: enough for any deadline the platform sets. */
export async function loadCalendar(db: Db, from: string, days = 120): Promise<Calendar> {
  const rows = await db
    .selectFrom('quality.calendar_day')
    .select([sql<string>`day::text`.as('day'), 'kind'])
    .where('day', '>', from)
    .where('day', '<=', shift(from, days))
    .execute();
  return new Map(rows.map((r) => [r.day, r.kind]));
}

export async function listYear(db: Db, year: number) {
  return db
    .selectFrom('quality.calendar_day')
    .select([sql<string>`day::text`.as('date'), 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

export const putDay = (db: Db, row: { day: string; kind: 'holiday' | 'workday'; name: string; by: string }) =>
  db
    .insertInto('quality.calendar_day')
    .values({ day: row.day, kind: row.kind, name: row.name, updated_by_name: row.by })
    .onConflict((oc) =>
      oc
        .column('day')
        .doUpdateSet({ kind: row.kind, name: row.name, updated_by_name: row.by, updated_at: sql`now()` }),
    )
    .execute();

export const deleteDay = async (db: Db, day: string) =>
  Number(
    (await db.deleteFrom('quality.calendar_day').where('day', '=', day).executeTakeFirst()).numDeletedRows,
  ) > 0;
