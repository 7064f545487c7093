import type { CalendarDay } from '@shuzhi/contracts';

/** How a day counts for deadlines: an ordinary working day or weekend, a holiday, or a weekend worked (调休). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a calendar date (month 1–12). */
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

// Dates are calendar days, not instants: computed in UTC so the browser's zone cannot shift them.
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Monday 0 … Sunday 6. */
export const weekdayIndex = (iso: string) => (utc(iso).getUTCDay() + 6) % 7;

/** The day of the week's message key. */
export const weekdayKey = (iso: string): WeekdayKey => WEEKDAY_KEYS[weekdayIndex(iso)] as WeekdayKey;

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The kind of a day given the year's entries, as the server's deadline arithmetic reads it. */
export function dayKind(iso: string, entry: CalendarDay | undefined): DayKind {
  if (entry) return entry.kind === 'holiday' ? 'holiday' : 'makeup';
  return weekdayIndex(iso) >= 5 ? 'weekend' : 'workday';
}

/**
 * A month as weeks of 7 cells (Monday first), each with a stable key; `date` is null on the cells
 * before the 1st and after the last day.
 */
export function monthWeeks(year: number, month: number): { key: string; date: string | null }[][] {
  const first = weekdayIndex(isoDay(year, month, 1));
  const cells: { key: string; date: string | null }[] = Array.from({ length: first }, (_, i) => ({
    key: `before-${i}`,
    date: null,
  }));
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = isoDay(year, month, d);
    cells.push({ key: date, date });
  }
  for (let i = 0; cells.length % 7 !== 0; i++) cells.push({ key: `after-${i}`, date: null });
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** Working days, holidays and make-up working days of a whole year. */
export function yearCounts(year: number, entries: ReadonlyMap<string, CalendarDay>) {
  const counts = { workdays: 0, holidays: 0, makeup: 0 };
  for (let m = 1; m <= 12; m++) {
    for (let d = 1; d <= daysInMonth(year, m); d++) {
      const iso = isoDay(year, m, d);
      const kind = dayKind(iso, entries.get(iso));
      if (kind === 'holiday') counts.holidays++;
      if (kind === 'makeup') counts.makeup++;
      if (kind === 'workday' || kind === 'makeup') counts.workdays++;
    }
  }
  return counts;
}
