const DAY_MS = 86_400_000;

// Dataset rows turn the same dates back into day numbers over and over; parsing is the cost.
const dayCache = new Map<string, number>();

/** Days since 1970-01-01 (UTC) of an ISO date `YYYY-MM-DD`. */
export function dayOf(isoDate: string): number {
  let day = dayCache.get(isoDate);
  if (day === undefined) {
    const t = Date.parse(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(t)) throw new Error(`not a date: ${isoDate}`);
    day = Math.round(t / DAY_MS);
    // Only well-formed dates are cached, so the cache stays bounded by the calendar.
    if (isoDate.length === 10) dayCache.set(isoDate, day);
  }
  return day;
}

// Generation formats the same ~40k birth dates millions of times; formatting through Date is the hot spot.
const isoCache = new Map<number, string>();

/** The ISO date `YYYY-MM-DD` of a day number. */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** The year of a day number. */
export function yearOfDay(day: number): number {
  return Number(isoOfDay(day).slice(0, 4));
}

/** A Beijing-time timestamp `YYYY-MM-DDTHH:MM:SS+08:00` on the given day. */
export function timestampOn(day: number, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${isoOfDay(day)}T${hh}:${mm}:${ss}+08:00`;
}

/** Whole years between a birth day and a reference day. */
export function ageOn(birthDay: number, onDay: number): number {
  const b = isoOfDay(birthDay);
  const o = isoOfDay(onDay);
  const years = Number(o.slice(0, 4)) - Number(b.slice(0, 4));
  return o.slice(5) >= b.slice(5) ? years : years - 1;
}
