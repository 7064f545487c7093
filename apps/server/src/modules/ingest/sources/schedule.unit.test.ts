import type { SourceSchedule, SourceScheduleInput } from '@shuzhi/contracts';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, renderMessage } from '../../../platform/errors.ts';
import { checkSchedule, nextRunAfter } from './schedule.ts';

/** A Beijing wall-clock time as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);
const daily = (time: string): SourceSchedule => ({ kind: 'daily', time, enabled: true });
const weekly = (weekday: 'mon' | 'sun' | 'fri', time: string): SourceSchedule => ({
  kind: 'weekly',
  weekday,
  time,
  enabled: true,
});
const refusal = (input: SourceScheduleInput) => {
  try {
    checkSchedule(input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, zh: renderMessage(e, 'zh-CN'), en: renderMessage(e, 'en') };
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
};

describe('checking a schedule', () => {
  it('refuses intervals under 5 minutes or over 7 days, in both languages', () => {
    for (const every of [4, 0, -10]) {
      const r = refusal({ kind: 'interval', every, unit: 'minutes' });
      expect(r.code).toBe('source_schedule_invalid');
      expect(r.zh).toContain('不能少于 5 分钟');
      expect(r.en).toContain('at least 5 minutes');
    }
    expect(refusal({ kind: 'interval', every: 169, unit: 'hours' }).en).toContain('cannot exceed 7 days');
    expect(checkSchedule({ kind: 'interval', every: 5 })).toEqual({
      kind: 'interval',
      every: 5,
      unit: 'minutes',
      enabled: true,
    });
    expect(checkSchedule({ kind: 'interval', every: 1, unit: 'hours', enabled: false })).toMatchObject({
      every: 1,
      unit: 'hours',
      enabled: false,
    });
  });

  it('takes HH:MM (or H:MM) and refuses any other time', () => {
    expect(checkSchedule({ kind: 'daily', time: '7:05' })).toEqual(daily('07:05'));
    expect(checkSchedule({ kind: 'daily', time: ' 23:59 ' })).toEqual(daily('23:59'));
    for (const time of ['24:00', '7.05', '07:5', '12:60', '', 'noon', '07:05:00']) {
      const r = refusal({ kind: 'daily', time });
      expect(r.code, time).toBe('source_schedule_invalid');
      expect(r.zh).toContain('北京时间');
      expect(r.en).toContain('HH:MM');
    }
  });

  it('takes weekdays mon…sun in any case and refuses others', () => {
    expect(checkSchedule({ kind: 'weekly', weekday: 'Fri', time: '18:30' })).toEqual(weekly('fri', '18:30'));
    for (const weekday of ['funday', 'monday', '1', '']) {
      const r = refusal({ kind: 'weekly', weekday, time: '08:00' });
      expect(r.code).toBe('source_schedule_invalid');
      expect(r.zh).toContain('星期');
      expect(r.en).toContain(`unknown weekday "${weekday}"`);
    }
    expect(refusal({ kind: 'weekly', weekday: 'mon', time: '8' }).en).toContain('HH:MM');
  });
});

describe('when a schedule runs next', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('keeps an interval on the grid of the run that was due, and never answers the past', () => {
    const every30: SourceSchedule = { kind: 'interval', every: 30, unit: 'minutes', enabled: true };
    const set = bj('2026-03-02T09:58:00');
    expect(nextRunAfter(every30, set)).toEqual(bj('2026-03-02T10:28:00'));
    const due = bj('2026-03-02T10:00:00');
    // The pull took 7 minutes: the next is still on the half hour.
    expect(nextRunAfter(every30, bj('2026-03-02T10:07:00'), due)).toEqual(bj('2026-03-02T10:30:00'));
    // Exactly on a grid point: that one is now, so the one after.
    expect(nextRunAfter(every30, bj('2026-03-02T10:30:00'), due)).toEqual(bj('2026-03-02T11:00:00'));
    // The workers were down for three hours: missed runs are not made up.
    expect(nextRunAfter(every30, bj('2026-03-02T13:10:00'), due)).toEqual(bj('2026-03-02T13:30:00'));
    const every2h: SourceSchedule = { kind: 'interval', every: 2, unit: 'hours', enabled: true };
    expect(nextRunAfter(every2h, bj('2026-03-02T23:15:00'), bj('2026-03-02T22:00:00'))).toEqual(
      bj('2026-03-03T00:00:00'),
    );
  });

  it('runs daily at Beijing time, across midnight and across the UTC date line', () => {
    expect(nextRunAfter(daily('02:00'), bj('2026-03-02T01:30:00'))).toEqual(bj('2026-03-02T02:00:00'));
    expect(nextRunAfter(daily('02:00'), bj('2026-03-02T02:00:00'))).toEqual(bj('2026-03-03T02:00:00'));
    // 23:55 in Beijing: 00:10 is tomorrow's, 23:50 is tomorrow's too.
    expect(nextRunAfter(daily('00:10'), bj('2026-03-01T23:55:00'))).toEqual(bj('2026-03-02T00:10:00'));
    expect(nextRunAfter(daily('23:50'), bj('2026-03-01T23:55:00'))).toEqual(bj('2026-03-02T23:50:00'));
    // 04:00 in Beijing is still the day before in UTC: 07:00 means today's Beijing 07:00.
    expect(nextRunAfter(daily('07:00'), new Date('2026-03-01T20:00:00Z'))).toEqual(
      new Date('2026-03-01T23:00:00Z'),
    );
    // Month and year ends.
    expect(nextRunAfter(daily('00:00'), bj('2026-12-31T23:59:00'))).toEqual(bj('2027-01-01T00:00:00'));
    expect(nextRunAfter(daily('08:00'), bj('2028-02-28T09:00:00'))).toEqual(bj('2028-02-29T08:00:00'));
  });

  it('runs weekly on the Beijing weekday, also when UTC is still on the day before', () => {
    // 2026-03-02 is a Monday.
    expect(nextRunAfter(weekly('mon', '09:00'), bj('2026-03-02T08:59:00'))).toEqual(
      bj('2026-03-02T09:00:00'),
    );
    expect(nextRunAfter(weekly('mon', '09:00'), bj('2026-03-02T09:00:00'))).toEqual(
      bj('2026-03-09T09:00:00'),
    );
    // Monday 00:30 in Beijing is Sunday 16:30 UTC.
    expect(nextRunAfter(weekly('mon', '09:00'), new Date('2026-03-01T16:30:00Z'))).toEqual(
      bj('2026-03-02T09:00:00'),
    );
    // Sunday 23:45: Sunday 23:30 has just passed, Monday 00:15 is a quarter hour away.
    expect(nextRunAfter(weekly('sun', '23:30'), bj('2026-03-01T23:45:00'))).toEqual(
      bj('2026-03-08T23:30:00'),
    );
    expect(nextRunAfter(weekly('mon', '00:15'), bj('2026-03-01T23:45:00'))).toEqual(
      bj('2026-03-02T00:15:00'),
    );
    expect(nextRunAfter(weekly('fri', '18:00'), bj('2026-03-02T12:00:00'))).toEqual(
      bj('2026-03-06T18:00:00'),
    );
  });

  it('has no daylight saving and does not depend on the server time zone', () => {
    // Each run 24 hours after the one before, all year, through the dates other zones change clocks.
    let at = bj('2026-01-01T00:00:00');
    for (let i = 0; i < 366; i++) {
      const next = nextRunAfter(daily('08:00'), at);
      expect(next.getUTCHours()).toBe(0);
      if (i > 0) expect(next.getTime() - at.getTime()).toBe(24 * 3600_000);
      at = next;
    }
    const cases: [SourceSchedule, Date][] = [
      [daily('02:30'), new Date('2026-03-08T07:00:00Z')], // US clocks go forward
      [weekly('sun', '01:30'), new Date('2026-03-29T00:30:00Z')], // EU clocks go forward
      [daily('23:00'), new Date('2026-10-25T00:30:00Z')], // EU clocks go back
    ];
    const answers = (tz: string) => {
      process.env.TZ = tz;
      return cases.map(([s, after]) => nextRunAfter(s, after).toISOString());
    };
    const shanghai = answers('Asia/Shanghai');
    expect(answers('America/New_York')).toEqual(shanghai);
    expect(answers('Europe/Berlin')).toEqual(shanghai);
    expect(shanghai).toEqual([
      '2026-03-08T18:30:00.000Z',
      '2026-04-04T17:30:00.000Z',
      '2026-10-25T15:00:00.000Z',
    ]);
  });

  it('always answers a time after the given one, within one period, at the set Beijing time', () => {
    const anyTime = fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const weekday = fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const);
    fc.assert(
      fc.property(anyTime, hhmm, weekday, (after, time, day) => {
        const d = nextRunAfter(daily(time), after);
        expect(d.getTime()).toBeGreaterThan(after.getTime());
        expect(d.getTime() - after.getTime()).toBeLessThanOrEqual(24 * 3600_000);
        const local = new Date(d.getTime() + 8 * 3600_000);
        expect(local.toISOString().slice(11, 16)).toBe(time);
        const w = nextRunAfter({ kind: 'weekly', weekday: day, time, enabled: true }, after);
        expect(w.getTime()).toBeGreaterThan(after.getTime());
        expect(w.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000);
        const wl = new Date(w.getTime() + 8 * 3600_000);
        expect(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][wl.getUTCDay()]).toBe(day);
        expect(wl.toISOString().slice(11, 16)).toBe(time);
      }),
    );
  });
});
