import type { Db } from '../../db/connection.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import type { Calendar } from '../quality/index.ts';
import { createOpenAccess, type OpenAccessDeps } from './access/index.ts';
import { createCkanService } from './ckan.service.ts';
import { createOpenCommunity } from './community/index.ts';
import type { ReleaseCheck } from './open.names.ts';
import { createOpenService } from './open.service.ts';
import { createOpenPortal, type PortalSources } from './portal/index.ts';

export {
  installOpenKeys,
  type KeyUse,
  keyDetails,
  OPEN_SESSION_COOKIE,
  type OpenAccessFacade,
  type OpenAccessTables,
  openAccessMigrations,
  openAccessRoutes,
  openRateLimit,
} from './access/index.ts';
export { ckanRoutes } from './ckan.routes.ts';
export type { CkanService } from './ckan.service.ts';
export {
  calendarFrom,
  communityRoutes,
  type OpenCommunity,
  type OpenCommunityTables,
  openCommunityMigrations,
} from './community/index.ts';
export { dcatRoutes, openRoutes } from './open.routes.ts';
export type { OpenService } from './open.service.ts';
export { openPortalRoutes, type PortalSources } from './portal/index.ts';

/** Open data: the CKAN Action API v3, downloads and the DCAT-AP 3 catalogue, over unconditionally open datasets. */
export function createOpen(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  portal: PortalSources;
  /** The working-day calendar from a day on: data requests are answered within working days. */
  calendar: (from: string) => Promise<Calendar>;
  /** Open data access: datasets by code, the settings of accounts, keys and applications, e-mail. */
  access: Pick<OpenAccessDeps, 'datasets' | 'settings' | 'notify'>;
  /** Whether an open dataset's rows may leave now (privacy's release gate). */
  release: ReleaseCheck;
}) {
  const siteTitle = '数智开放数据 / Shuzhi open data';
  const access = createOpenAccess({
    ...deps,
    ...deps.access,
    orgNames: async (ids) => new Map((await deps.orgs.findOrgs(ids)).map((o) => [o.id, o.name])),
  });
  const community = createOpenCommunity(deps);
  return {
    access,
    ckan: createCkanService({ ...deps, siteTitle, conditional: access.records }),
    service: createOpenService({ ...deps, siteTitle, conditional: access.records }),
    portal: createOpenPortal({
      ...deps,
      sources: deps.portal,
      downloads: community.usage.downloadsByDataset,
    }),
    community,
  };
}

export type OpenFacade = ReturnType<typeof createOpen>;
