import type { Db } from '../../db/connection.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { createCkanService } from './ckan.service.ts';
import { createOpenService } from './open.service.ts';

export { ckanRoutes } from './ckan.routes.ts';
export type { CkanService } from './ckan.service.ts';
export { dcatRoutes, openRoutes } from './open.routes.ts';
export type { OpenService } from './open.service.ts';

/** Open data: the CKAN Action API v3, downloads and the DCAT-AP 3 catalogue, over unconditionally open datasets. */
export function createOpen(deps: { db: Db; orgs: OrgsService; ledger: Ledger }) {
  const siteTitle = '数智开放数据 / Shuzhi open data';
  return {
    ckan: createCkanService({ ...deps, siteTitle }),
    service: createOpenService({ ...deps, siteTitle }),
  };
}

export type OpenFacade = ReturnType<typeof createOpen>;
