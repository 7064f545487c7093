import type { Db } from '../../../db/connection.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { Notify } from '../../notify/index.ts';
import type { Calendar } from '../../quality/index.ts';
import type { ReleaseCheck } from '../open.names.ts';
import { type AccountSettings, createAccountsService } from './accounts.service.ts';
import { createApplicationsService, type DatasetLookup } from './applications.service.ts';
import { createKeysService } from './keys.service.ts';
import { createRecordsService } from './records.service.ts';

export { OPEN_SESSION_COOKIE, type OpenAccessRouteOptions, openAccessRoutes } from './access.routes.ts';
export type { OpenAccessTables } from './access.tables.ts';
export { type KeyUse, keyDetails } from './key-use.ts';
export { openAccessMigrations } from './migrations.ts';
export { installOpenKeys, openRateLimit } from './open-keys.hook.ts';

export type OpenAccessDeps = {
  db: Db;
  ledger: Ledger;
  datasets: DatasetLookup;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  /** The working-day calendar from a day on. */
  calendar: (from: string) => Promise<Calendar>;
  settings: AccountSettings & { applicationDays: number };
  /** Sends the e-mail verification codes of accounts. */
  notify: Notify;
  /** Whether an open dataset's rows may leave now (privacy's release gate). */
  release: ReleaseCheck;
  now?: () => Date;
};

/** Open data access for the public: accounts, API keys, conditional applications and the records API. */
export function createOpenAccess(deps: OpenAccessDeps) {
  const { db, ledger, datasets, settings, now } = deps;
  const applications = createApplicationsService({
    db,
    ledger,
    datasets,
    orgNames: deps.orgNames,
    calendar: deps.calendar,
    workingDays: settings.applicationDays,
    now,
  });
  return {
    accounts: createAccountsService({ db, notify: deps.notify, settings, now }),
    keys: createKeysService({ db, now }),
    applications,
    records: createRecordsService({
      db,
      ledger,
      datasets,
      approvedFor: applications.approvedFor,
      release: deps.release,
      now,
    }),
  };
}

export type OpenAccessFacade = ReturnType<typeof createOpenAccess>;
