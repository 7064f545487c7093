import { describe, expect, it } from 'vitest';
import { addWorkingDays, type Calendar, chinaDay, isWorkingDay } from './calendar.ts';
import { HOLIDAYS_2026 } from './migrations/holidays-2026.ts';
import { aggregate, scoreRun } from './quality.scores.ts';

const cal2026: Calendar = new Map(HOLIDAYS_2026.map((d) => [d.date, d.kind]));
const none: Calendar = new Map();

describe('working-day calendar', () => {
  it('holds the State Council’s 2026 schedule: 33 days off, 6 weekend days worked', () => {
    expect(HOLIDAYS_2026.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(HOLIDAYS_2026.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    // Every 调休 workday falls on a weekend, or it would change nothing.
    for (const d of HOLIDAYS_2026.filter((x) => x.kind === 'workday'))
      expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
  });

  it('tells working days from holidays and worked weekends', () => {
    expect(isWorkingDay('2026-10-05', cal2026)).toBe(false); // Monday of 国庆
    expect(isWorkingDay('2026-10-10', cal2026)).toBe(true); // Saturday worked
    expect(isWorkingDay('2026-09-20', cal2026)).toBe(true); // Sunday worked
    expect(isWorkingDay('2026-10-11', cal2026)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-10-08', cal2026)).toBe(true);
    expect(isWorkingDay('2026-10-05', none)).toBe(true); // without the calendar: Monday to Friday
  });

  it('counts deadlines across the National Day and Spring Festival breaks', () => {
    // Raised on 30 September: 8, 9, 10 (Saturday worked), 12, 13 October.
    expect(addWorkingDays('2026-09-30', 5, cal2026)).toBe('2026-10-13');
    expect(addWorkingDays('2026-09-30', 5, none)).toBe('2026-10-07');
    // Raised on Friday 13 February: 14 (Saturday worked), then 24–27 February after the nine days off.
    expect(addWorkingDays('2026-02-13', 5, cal2026)).toBe('2026-02-27');
    // Raised on a holiday: counting starts the next day all the same.
    expect(addWorkingDays('2026-10-03', 1, cal2026)).toBe('2026-10-08');
    expect(addWorkingDays('2026-11-27', 5, cal2026)).toBe('2026-12-04');
  });

  it('takes the date in China (UTC+8)', () => {
    expect(chinaDay(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(chinaDay(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });
});

describe('scores', () => {
  it('weights error rules twice within a dimension and averages the dimensions that apply', () => {
    const s = scoreRun([
      { dimension: 'validity', severity: 'error', checked: 100, failed: 10, error: null }, // 0.9 × 2
      { dimension: 'validity', severity: 'warning', checked: 50, failed: 20, error: null }, // 0.6 × 1
      { dimension: 'completeness', severity: 'error', checked: 100, failed: 0, error: null },
      { dimension: 'uniqueness', severity: 'error', checked: 0, failed: 0, error: null }, // nothing to check
      { dimension: 'timeliness', severity: 'error', checked: 10, failed: 10, error: 'gone' }, // could not run
    ]);
    expect(s).toEqual({
      overall: 90,
      completeness: 100,
      validity: 80,
      uniqueness: null,
      consistency: null,
      timeliness: null,
    });
  });

  it('aggregates an organisation over the datasets that have a score', () => {
    const a = {
      overall: 80,
      completeness: 100,
      validity: 60,
      uniqueness: null,
      consistency: null,
      timeliness: 90,
    };
    const b = {
      overall: 95,
      completeness: 90,
      validity: null,
      uniqueness: 100,
      consistency: null,
      timeliness: 100,
    };
    expect(aggregate([a, b])).toEqual({
      overall: 87.5,
      completeness: 95,
      validity: 60,
      uniqueness: 100,
      consistency: null,
      timeliness: 95,
    });
  });
});
