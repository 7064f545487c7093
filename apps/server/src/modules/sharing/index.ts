import type { Dataset } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { type Calendar, chinaDay } from '../quality/index.ts';
import { createGateway } from './gateway.service.ts';
import { createGrantsService } from './grants.service.ts';
import { createMeter } from './meter.ts';
import { type App, createRequestsService } from './requests.service.ts';
import { createViews } from './sharing.views.ts';
import { callsOn } from './usage.repo.ts';

export { gatewayRoutes } from './gateway.routes.ts';
export { sharingMigrations } from './migrations.ts';
export { sharingRoutes } from './sharing.routes.ts';
export type { SharingTables } from './sharing.tables.ts';

export type SharingDeps = {
  db: Db;
  ledger: Ledger;
  findDataset: (code: string) => Promise<Dataset | undefined>;
  apps: {
    listOrgApps: (orgId: string) => Promise<Omit<App, 'orgId' | 'status'>[]>;
    findApp: (id: string) => Promise<App | undefined>;
  };
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  calendar: (from: string) => Promise<Calendar>;
  salt: string;
  settings: { ownerDays: number; platformDays: number; ratePerSecond: number; meterMs: number };
  consenting: (orgId: string, keys: string[]) => Promise<Set<string>>;
  now?: () => Date;
};

/** Sharing between departments: requests and grants, the gateway, usage. */
export function createSharing(deps: SharingDeps) {
  const { db, ledger, settings, now } = deps;
  const meter = createMeter({ db, flushMs: settings.meterMs });
  const app = async (id: string) => {
    const a = await deps.apps.findApp(id);
    return a ? { id: a.id, clientId: a.clientId, name: a.name } : undefined;
  };
  const views = createViews({
    orgNames: deps.orgNames,
    app,
    callsToday: async (ids) => {
      await meter.flush();
      return callsOn(db, ids, chinaDay(now?.() ?? new Date()));
    },
  });
  const requests = createRequestsService({
    db,
    ledger,
    findDataset: deps.findDataset,
    apps: deps.apps,
    calendar: deps.calendar,
    ownerDays: settings.ownerDays,
    platformDays: settings.platformDays,
    views,
    now,
  });
  const grants = createGrantsService({
    db,
    ledger,
    meter,
    views,
    findDataset: deps.findDataset,
    orgNames: deps.orgNames,
    appNames: async (ids) => {
      const out = new Map<string, string>();
      for (const id of ids) out.set(id, (await app(id))?.name ?? id);
      return out;
    },
    now,
  });
  const gateway = createGateway({
    db,
    ledger,
    meter,
    findDataset: deps.findDataset,
    salt: deps.salt,
    ratePerSecond: settings.ratePerSecond,
    appName: async (id) => (await deps.apps.findApp(id))?.name,
    consenting: deps.consenting,
    now,
  });
  return { requests, grants, gateway, meter };
}

export type Sharing = ReturnType<typeof createSharing>;
