import type { Db } from '../../db/connection.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { JobsService } from '../jobs/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { createDpService } from './dp/dp.service.ts';
import { createKanonService, type DatasetAccess } from './kanon/kanon.service.ts';
import { createPsiService } from './psi/psi.service.ts';

export { openingGate, type ReleaseGate, releaseGate } from './kanon/kanon.gate.ts';
export { KANON_CHECK_JOB } from './kanon/kanon.service.ts';
export { privacyMigrations } from './migrations/index.ts';
export { privacyRoutes } from './privacy.routes.ts';
export type { PrivacyTables } from './privacy.tables.ts';
export { psiCommand } from './psi/psi.cli.ts';

/** The privacy module: k-anonymity before release, differentially private statistics, set intersection. */
export function createPrivacy(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  orgs: OrgsService;
  datasets: DatasetAccess;
  settings: { minK: number; psiMaxKeys: number };
}) {
  const { db, jobs, ledger, orgs, datasets, settings } = deps;
  return {
    kanon: createKanonService({ db, jobs, ledger, datasets, minK: settings.minK }),
    dp: createDpService({ db, ledger, datasets }),
    psi: createPsiService({ db, ledger, orgs, maxKeys: settings.psiMaxKeys }),
    psiMaxKeys: settings.psiMaxKeys,
  };
}

export type Privacy = ReturnType<typeof createPrivacy>;
