import type { Dataset, ShareGrant, ShareSide, ShareUsage } from '@shuzhi/contracts';

import type { Db } from '../../db/connection.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { chinaDay } from '../quality/index.ts';
import type { Meter } from './meter.ts';
import { isPlatform, requireOfficer } from './requests.policy.ts';
import * as repo from './requests.repo.ts';
import type { SharingViews } from './sharing.views.ts';
import * as usage from './usage.repo.ts';

/** Grants (授权) as each side sees them, their revocation, and the usage dashboards. */
export function createGrantsService(deps: {
  db: Db;
  ledger: Ledger;
  meter: Meter;
  views: SharingViews;
  findDataset: (code: string) => Promise<Dataset | undefined>;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  appNames: (ids: string[]) => Promise<Map<string, string>>;
  now?: () => Date;
}) {
  const { db, ledger, views } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());

  async function toGrants(rows: repo.GrantRow[]): Promise<ShareGrant[]> {
    const titles = new Map<string, Map<string, string>>();
    for (const code of new Set(rows.map((r) => r.dataset_code))) {
      const ds = await deps.findDataset(code);
      titles.set(code, new Map((ds?.fields ?? []).map((f) => [f.name, f.title])));
    }
    return views.grants(rows, today(), (g) => titles.get(g.dataset_code) ?? new Map());
  }

  function scope(actor: Actor, side: ShareSide) {
    const a = requireOfficer(actor);
    if (side === 'platform' && !isPlatform(a)) throw new AppError('forbidden', { need: 'platform_admin' });
    return {
      a,
      consumerOrgId: side === 'consumer' ? a.orgId : undefined,
      ownerOrgId: side === 'owner' ? a.orgId : undefined,
    };
  }

  return {
    async list(actor: Actor, side: ShareSide) {
      const s = scope(actor, side);
      await deps.meter.flush();
      return { items: await toGrants(await repo.listGrants(db, s)) };
    },

    /** The owner's officers, the platform, or the consumer itself end a grant; the next call is refused. */
    async revoke(actor: Actor, id: string, reason: string): Promise<ShareGrant> {
      const a = requireOfficer(actor);
      const g = await repo.findGrant(db, id);
      const mayRevoke = g && (isPlatform(a) || a.orgId === g.owner_org_id || a.orgId === g.consumer_org_id);
      if (!g || !mayRevoke) throw notFound('share_grant', id);
      await db.transaction().execute(async (trx) => {
        const done = await repo.revokeGrant(trx, id, a.name, reason);
        if (!done) throw new AppError('wrong_status', { status: g.status, need: 'active' });
        await ledger.record(
          {
            actor: a,
            action: 'sharing.revoke',
            result: 'ok',
            dataset: g.dataset_code,
            details: { grant: id, reason },
          },
          trx,
        );
      });
      return (await toGrants([(await repo.findGrant(db, id)) as repo.GrantRow]))[0] as ShareGrant;
    },

    /** Ends every grant of an app the platform revoked: its next call is refused like any revoked grant's. */
    async revokeForApp(clientId: string, byName: string): Promise<void> {
      const reason = '应用已停用 / the app was revoked';
      await db.transaction().execute(async (trx) => {
        const ended = await repo.revokeAppGrants(trx, clientId, byName, reason);
        for (const g of ended)
          await ledger.record(
            {
              actor: systemActor,
              action: 'sharing.revoke',
              result: 'ok',
              dataset: g.dataset_code,
              details: { grant: g.id, reason, app: clientId },
            },
            trx,
          );
      });
    },

    /** Calls, records and denials per day and per dataset, consumer and app, for one side. */
    async usage(actor: Actor, side: ShareSide, days: number): Promise<ShareUsage> {
      const s = scope(actor, side);
      await deps.meter.flush();
      const to = today();
      const from = chinaDay(new Date(Date.parse(`${to}T12:00:00+08:00`) - (days - 1) * 86_400_000));
      const q = { from, to, consumerOrgId: s.consumerOrgId, ownerOrgId: s.ownerOrgId };
      const [byDay, rows] = await Promise.all([usage.byDay(db, q), usage.byGrant(db, q)]);
      const orgs = await deps.orgNames([
        ...new Set(rows.flatMap((r) => [r.owner_org_id, r.consumer_org_id])),
      ]);
      const apps = await deps.appNames([...new Set(rows.map((r) => r.client_id))]);
      const grants = new Map<string, repo.GrantRow>();
      for (const id of new Set(rows.map((r) => r.grant_id))) {
        const g = await repo.findGrant(db, id);
        if (g) grants.set(id, g);
      }
      const sum = (k: 'calls' | 'records' | 'denied') => byDay.reduce((n, d) => n + d[k], 0);
      const calls = sum('calls');
      return {
        side,
        totals: {
          callsToday: byDay.find((d) => d.day === to)?.calls ?? 0,
          calls,
          records: sum('records'),
          denied: sum('denied'),
          callsPerDay: Math.round(calls / days),
        },
        days: usage.fillDays(byDay, from, to),
        rows: rows.map((r) => {
          const g = grants.get(r.grant_id);
          return {
            datasetCode: r.dataset_code,
            ownerOrgName: orgs.get(r.owner_org_id) ?? '',
            consumerOrgName: orgs.get(r.consumer_org_id) ?? '',
            app: apps.get(r.client_id) ?? r.client_id,
            grantId: g ? g.id : null,
            purpose: g?.purpose ?? '',
            fields: g?.fields ?? [],
            calls: r.calls,
            records: r.records,
            denied: r.denied,
          };
        }),
      };
    },
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;
