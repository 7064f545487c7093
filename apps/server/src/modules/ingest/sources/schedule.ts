import {
  SCHEDULE_MIN_MINUTES,
  SCHEDULE_WEEKDAYS,
  type SourceSchedule,
  type SourceScheduleInput,
} from '@shuzhi/contracts';
import { AppError } from '../../../platform/errors.ts';

/** Longer gaps are what the weekly schedule is for. */
const MAX_MINUTES = 7 * 24 * 60;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Asia/Shanghai has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact
// and does not depend on the server's time zone or its ICU data.
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

const invalid = (zh: string, en: string) =>
  new AppError('source_schedule_invalid', { reason_zh: zh, reason_en: en });

/** `7:05` and `07:05` are both 07:05; anything else (24:00, 7.05, 07:5) is refused. */
function parseTime(time: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) {
    throw invalid(
      `时间「${time}」应为 00:00 至 23:59 之间的 时:分（北京时间）`,
      `time "${time}" must be HH:MM between 00:00 and 23:59 (Beijing time)`,
    );
  }
  return `${(m[1] as string).padStart(2, '0')}:${m[2]}`;
}

/** Checks a schedule as sent and answers it as stored (times as `HH:MM`). */
export function checkSchedule(input: SourceScheduleInput): SourceSchedule {
  const enabled = input.enabled ?? true;
  if (input.kind === 'interval') {
    const unit = input.unit ?? 'minutes';
    const minutes = input.every * (unit === 'hours' ? 60 : 1);
    if (minutes < SCHEDULE_MIN_MINUTES) {
      throw invalid(
        `拉取间隔不能少于 ${SCHEDULE_MIN_MINUTES} 分钟`,
        `the interval must be at least ${SCHEDULE_MIN_MINUTES} minutes`,
      );
    }
    if (minutes > MAX_MINUTES) {
      throw invalid(
        '拉取间隔不能超过 7 天，更长的间隔请用“每周”',
        'the interval cannot exceed 7 days; use a weekly schedule for longer gaps',
      );
    }
    return { kind: 'interval', every: input.every, unit, enabled };
  }
  const time = parseTime(input.time);
  if (input.kind === 'daily') return { kind: 'daily', time, enabled };
  const weekday = SCHEDULE_WEEKDAYS.find((d) => d === input.weekday.trim().toLowerCase());
  if (!weekday) {
    throw invalid(
      `星期「${input.weekday}」无效，应为 ${SCHEDULE_WEEKDAYS.join('、')} 之一`,
      `unknown weekday "${input.weekday}"; use one of ${SCHEDULE_WEEKDAYS.join(', ')}`,
    );
  }
  return { kind: 'weekly', weekday, time, enabled };
}

export const intervalMs = (s: SourceSchedule & { kind: 'interval' }) =>
  s.every * (s.unit === 'hours' ? 60 : 1) * MINUTE;

/** The first Beijing-time `HH:MM` strictly after `after`, on a day `step` days apart from a start day. */
function nextLocal(after: Date, time: string, dayOffset: (localDay: Date) => number, step: number): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  // Beijing wall-clock time expressed as a UTC date, so getUTC* read the local fields.
  const local = new Date(after.getTime() + SHANGHAI_OFFSET);
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let at = dayStart + dayOffset(local) * DAY + (h * 60 + m) * MINUTE - SHANGHAI_OFFSET;
  if (at <= after.getTime()) at += step * DAY;
  return new Date(at);
}

/**
 * When a schedule runs next, strictly after `after`. An interval keeps to the grid of its `anchor`
 * (the run that was due), so runs do not drift by however long each pull took; runs missed while no
 * worker was up are not made up, the next one is the first still ahead.
 */
export function nextRunAfter(s: SourceSchedule, after: Date, anchor?: Date): Date {
  if (s.kind === 'interval') {
    const every = intervalMs(s);
    if (!anchor) return new Date(after.getTime() + every);
    const steps = Math.floor((after.getTime() - anchor.getTime()) / every) + 1;
    return new Date(anchor.getTime() + Math.max(1, steps) * every);
  }
  if (s.kind === 'daily') return nextLocal(after, s.time, () => 0, 1);
  // getUTCDay counts from Sunday; SCHEDULE_WEEKDAYS from Monday.
  const target = (SCHEDULE_WEEKDAYS.indexOf(s.weekday) + 1) % 7;
  return nextLocal(after, s.time, (local) => (target - local.getUTCDay() + 7) % 7, 7);
}
