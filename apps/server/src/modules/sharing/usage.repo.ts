import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

type Scope = { from: string; to: string; consumerOrgId?: string; ownerOrgId?: string };
type Day = { day: string; calls: number; records: number; denied: number };

function scoped(db: Db, q: Scope) {
  let query = db.selectFrom('sharing.usage').where('day', '>=', q.from).where('day', '<=', q.to);
  if (q.consumerOrgId) query = query.where('consumer_org_id', '=', q.consumerOrgId);
  if (q.ownerOrgId) query = query.where('owner_org_id', '=', q.ownerOrgId);
  return query;
}

const sums = [
  sql<number>`sum(calls)::bigint::float8`.as('calls'),
  sql<number>`sum(records)::bigint::float8`.as('records'),
  sql<number>`sum(denied)::bigint::float8`.as('denied'),
] as const;

export const byDay = (db: Db, q: Scope) =>
  scoped(db, q)
    .select([sql<string>`day::text`.as('day'), ...sums])
    .groupBy('day')
    .orderBy('day')
    .execute() as Promise<Day[]>;

export const byGrant = (db: Db, q: Scope) =>
  scoped(db, q)
    .select(['grant_id', 'client_id', 'dataset_code', 'owner_org_id', 'consumer_org_id', ...sums])
    .groupBy(['grant_id', 'client_id', 'dataset_code', 'owner_org_id', 'consumer_org_id'])
    .orderBy(sql`sum(calls)`, 'desc')
    .limit(500)
    .execute();

/** Every day of the period, with zeros where nothing was counted: charts need the gaps. */
export function fillDays(rows: Day[], from: string, to: string): Day[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, calls: 0, records: 0, denied: 0 });
  }
  return out;
}

/** Calls of each grant on a day. */
export async function callsOn(db: Db, grantIds: string[], day: string): Promise<Map<string, number>> {
  if (grantIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sharing.usage')
    .select(['grant_id', sql<number>`sum(calls)::int`.as('n')])
    .where('grant_id', 'in', grantIds)
    .where('day', '=', day)
    .groupBy('grant_id')
    .execute();
  return new Map(rows.map((r) => [r.grant_id, r.n]));
}
