import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import * as calendar from './calendar.ts';

/**
 * The working-day calendar complaint deadlines count on: statutory holidays and 调休 workdays, seeded
 * with the State Council's 2026 notice and kept up to date by the platform admin each year.
 */
export function createCalendarService(deps: { db: Db; ledger: Ledger }) {
  const { db, ledger } = deps;
  return {
    async getYear(actor: Actor, year: number) {
      requireSignedIn(actor);
      const days = await calendar.listYear(db, year);
      return { year, days, known: days.some((d) => d.kind === 'holiday') };
    },

    /** Sets a day (new or changed) with the reason, which the ledger keeps with who and when. */
    async putDay(
      actor: Actor,
      date: string,
      body: { kind: 'holiday' | 'workday'; name: string; reason: string },
    ) {
      const a = requireRole(actor, 'platform_admin');
      // A worked weekday changes nothing: that request is a mistake, not a calendar entry.
      if (body.kind === 'workday' && calendar.isWorkingDay(date, new Map()))
        throw new AppError('calendar_workday_weekday', { date });
      await db.transaction().execute(async (trx) => {
        await calendar.putDay(trx, { day: date, kind: body.kind, name: body.name, by: a.name });
        await ledger.record(
          { actor: a, action: 'quality.calendar_put', result: 'ok', details: { date, ...body } },
          trx,
        );
      });
      return { date, kind: body.kind, name: body.name };
    },

    /** Returns a day to the Monday–Friday rule, with the reason. */
    async deleteDay(actor: Actor, date: string, reason: string): Promise<void> {
      const a = requireRole(actor, 'platform_admin');
      await db.transaction().execute(async (trx) => {
        if (!(await calendar.deleteDay(trx, date))) throw notFound('calendar_day', date);
        await ledger.record(
          { actor: a, action: 'quality.calendar_delete', result: 'ok', details: { date, reason } },
          trx,
        );
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
