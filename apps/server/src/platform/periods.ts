import type { AppError } from './errors.ts';

/** Makes the caller's error from a reason in both languages. */
export type Reasoned = (zh: string, en: string) => AppError;

/** The longest period one application or request may ask for: a year, renewed by asking again. */
export const MAX_PERIOD_DAYS = 366;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A period asked for: from today on, the end not before the start, at most a year. */
export function checkPeriod(start: string, end: string, today: string, invalid: Reasoned): void {
  if (start < today)
    throw invalid(`开始日期 ${start} 早于今天 ${today}`, `the start ${start} is before today ${today}`);
  if (end < start)
    throw invalid(`结束日期 ${end} 早于开始日期 ${start}`, `the end ${end} is before the start ${start}`);
  if (dayNumber(end) - dayNumber(start) + 1 > MAX_PERIOD_DAYS)
    throw invalid(
      `期限不能超过 ${MAX_PERIOD_DAYS} 天，期满后可再次申请`,
      `at most ${MAX_PERIOD_DAYS} days; apply again when it ends`,
    );
}

/**
 * An approval may narrow what was asked (fewer fields, a shorter period), never widen it, and its
 * period must not be over already. `wider` and `invalid` make the caller's errors.
 */
export function checkNarrowing(
  asked: { fields: { name: string }[]; start: string; end: string },
  given: { fields: string[]; start: string; end: string },
  today: string,
  errors: { wider: Reasoned; invalid: Reasoned },
): void {
  const extra = given.fields.filter((f) => !asked.fields.some((a) => a.name === f));
  if (extra.length > 0)
    throw errors.wider(`未申请的字段：${extra.join(', ')}`, `fields not asked for: ${extra.join(', ')}`);
  if (given.start < asked.start || given.end > asked.end)
    throw errors.wider(
      `期限须在 ${asked.start} 至 ${asked.end} 之内`,
      `the period must lie within ${asked.start} to ${asked.end}`,
    );
  if (given.end < given.start)
    throw errors.invalid(
      `结束日期 ${given.end} 早于开始日期 ${given.start}`,
      `the end ${given.end} is before the start ${given.start}`,
    );
  if (given.end < today)
    throw errors.invalid(`期限已于 ${given.end} 结束`, `the period already ended on ${given.end}`);
}
