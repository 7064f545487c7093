import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Whose calls a count is: the grant they went through (the nil uuid when denied without one). */
export type MeterKey = {
  grantId: string;
  clientId: string;
  datasetCode: string;
  ownerOrgId: string;
  consumerOrgId: string;
};
type Pending = MeterKey & { day: string; calls: number; records: number; denied: number };

export const NO_GRANT = '00000000-0000-0000-0000-000000000000';

/**
 * Counts gateway calls per grant, app, dataset and day. Counting every call with its own UPDATE would
 * make one hot row per grant the gateway's bottleneck, so counts gather in memory and are added in one
 * statement per interval; each flush also brings back the totals other servers added, which is what
 * quotas are checked against. A crash loses at most one interval of counts, and several servers may
 * together overrun a quota by what they admit in one interval (ADR 0009).
 */
export function createMeter(deps: { db: Db; flushMs: number }) {
  const { db } = deps;
  let pending = new Map<string, Pending>();
  /** Calls of a grant on a day as the database last said, including other servers'. */
  const known = new Map<string, number>();
  let flushing: Promise<void> | null = null;
  const slot = (k: MeterKey, day: string) => `${k.grantId}|${k.clientId}|${k.datasetCode}|${day}`;
  const total = (grantId: string, day: string) => `${grantId}|${day}`;

  async function flushOnce(): Promise<void> {
    const batch = [...pending.values()];
    pending = new Map();
    if (batch.length === 0) return;
    try {
      const rows = await db
        .insertInto('sharing.usage')
        .values(
          batch.map((p) => ({
            day: p.day,
            client_id: p.clientId,
            dataset_code: p.datasetCode,
            grant_id: p.grantId,
            owner_org_id: p.ownerOrgId,
            consumer_org_id: p.consumerOrgId,
            calls: p.calls,
            records: p.records,
            denied: p.denied,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['grant_id', 'client_id', 'dataset_code', 'day']).doUpdateSet({
            calls: sql`sharing.usage.calls + excluded.calls`,
            records: sql`sharing.usage.records + excluded.records`,
            denied: sql`sharing.usage.denied + excluded.denied`,
          }),
        )
        .returning(['grant_id', sql<string>`day::text`.as('day'), sql<number>`calls::int`.as('calls')])
        .execute();
      for (const r of rows) known.set(total(r.grant_id, r.day), r.calls);
    } catch (err) {
      // Put the counts back: the next flush tries again.
      for (const p of batch) add(p, p.day, p);
      throw err;
    }
  }

  function add(k: MeterKey, day: string, n: { calls: number; records: number; denied: number }) {
    const s = slot(k, day);
    const p = pending.get(s) ?? { ...k, day, calls: 0, records: 0, denied: 0 };
    p.calls += n.calls;
    p.records += n.records;
    p.denied += n.denied;
    pending.set(s, p);
  }

  async function flush(): Promise<void> {
    while (flushing) await flushing;
    flushing = flushOnce().finally(() => {
      flushing = null;
    });
    await flushing;
  }

  const timer = setInterval(() => {
    flush().catch(() => {});
  }, deps.flushMs);
  timer.unref();

  return {
    /** Adds calls, records sent and denials to a grant's counts of a day. */
    count: add,

    /** Calls a grant has made on a day: the database's last total plus what this server has not yet added. */
    async used(grantId: string, day: string): Promise<number> {
      const t = total(grantId, day);
      if (!known.has(t)) {
        const row = await db
          .selectFrom('sharing.usage')
          .select(sql<number>`coalesce(sum(calls), 0)::int`.as('n'))
          .where('grant_id', '=', grantId)
          .where('day', '=', day)
          .executeTakeFirst();
        if (!known.has(t)) known.set(t, row?.n ?? 0);
      }
      let local = 0;
      for (const p of pending.values()) if (p.grantId === grantId && p.day === day) local += p.calls;
      return (known.get(t) ?? 0) + local;
    },

    flush,

    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
    },
  };
}

export type Meter = ReturnType<typeof createMeter>;
