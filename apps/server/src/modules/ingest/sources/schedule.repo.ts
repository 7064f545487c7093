import type { SourceSchedule } from '@shuzhi/contracts';
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { SourceTable } from '../ingest.tables.ts';
import type { RunBy } from './sources.repo.ts';
import './schedule.tables.ts';

type SchedulePatch = Omit<
  Updateable<SourceTable>,
  'schedule' | 'schedule_by' | 'config' | 'id' | 'dataset_id' | 'org_id'
> & {
  schedule?: SourceSchedule | null;
  schedule_by?: RunBy | null;
};

/** Writes a source's schedule and its run bookkeeping (JSON columns as text, like the rest). */
export const setSchedule = (db: Db, id: string, patch: SchedulePatch) => {
  const { schedule, schedule_by, ...rest } = patch;
  return db
    .updateTable('ingest.source')
    .set({
      ...rest,
      ...(schedule !== undefined ? { schedule: schedule === null ? null : JSON.stringify(schedule) } : {}),
      ...(schedule_by !== undefined
        ? { schedule_by: schedule_by === null ? null : JSON.stringify(schedule_by) }
        : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
};

/** Sources with a schedule (switched on or off), whichever dataset they belong to. */
export const listScheduled = (db: Db) =>
  db.selectFrom('ingest.source').selectAll().where('schedule', 'is not', null).execute();
