import { sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';

export type UsageKind = 'view' | 'download' | 'api';
const COLUMN = { view: 'views', download: 'downloads', api: 'api_calls' } as const;

/** Adds one to a dataset's counter of the day: a single upsert, so concurrent calls never lose a count. */
export async function bump(db: Db, kind: UsageKind, d: { id: string; owner_org_id: string }, day: string) {
  const col = COLUMN[kind];
  await db
    .insertInto('open_community.usage_day')
    .values({ dataset_id: d.id, day, org_id: d.owner_org_id, [col]: 1 })
    .onConflict((oc) =>
      oc
        .columns(['dataset_id', 'day'])
        .doUpdateSet({ [col]: sql`open_community.usage_day.${sql.ref(col)} + 1` }),
    )
    .execute();
}

type Scope = { datasetId: string } | { orgId: string } | 'all';

const sums = [
  sql<number>`coalesce(sum(views), 0)::float8`.as('views'),
  sql<number>`coalesce(sum(downloads), 0)::float8`.as('downloads'),
  sql<number>`coalesce(sum(api_calls), 0)::float8`.as('apiCalls'),
] as const;

function scoped(db: Db, scope: Scope) {
  const q = db.selectFrom('open_community.usage_day');
  if (scope === 'all') return q;
  return 'datasetId' in scope
    ? q.where('dataset_id', '=', scope.datasetId)
    : q.where('org_id', '=', scope.orgId);
}

/** Counts per day from `from` on (days without use are absent). */
export const daily = (db: Db, scope: Scope, from: string) =>
  scoped(db, scope)
    .select([sql<string>`day::text`.as('day'), ...sums])
    .where('day', '>=', from)
    .groupBy('day')
    .orderBy('day')
    .execute();

export const totals = async (db: Db, scope: Scope) =>
  (await scoped(db, scope).select(sums).executeTakeFirst()) ?? { views: 0, downloads: 0, apiCalls: 0 };

/** All-time downloads per dataset id. */
export async function downloadsByDataset(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('open_community.usage_day')
    .select(['dataset_id', sql<number>`sum(downloads)::float8`.as('n')])
    .groupBy('dataset_id')
    .having(sql<number>`sum(downloads)`, '>', 0)
    .execute();
  return new Map(rows.map((r) => [r.dataset_id, r.n]));
}
