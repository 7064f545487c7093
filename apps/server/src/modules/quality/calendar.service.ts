import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, requireSignedIn } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
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

    async putDay(actor: Actor, date: string, body: { kind: 'holiday' | 'workday'; name: string }) {
      const a = requireRole(actor, 'platform_admin');
      await db.transaction().execute(async (trx) => {
        await calendar.putDay(trx, { day: date, kind: body.kind, name: body.name, by: a.name });
        await ledger.record(
          { actor: a, action: 'quality.calendar_put', result: 'ok', details: { date, ...body } },
          trx,
        );
      });
      return { date, kind: body.kind, name: body.name };
    },

    async deleteDay(actor: Actor, date: string): Promise<void> {
      const a = requireRole(actor, 'platform_admin');
      await db.transaction().execute(async (trx) => {
        if (!(await calendar.deleteDay(trx, date))) throw notFound('calendar_day', date);
        await ledger.record(
          { actor: a, action: 'quality.calendar_delete', result: 'ok', details: { date } },
          trx,
        );
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
