import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoAccount } from '@shuzhi/contracts';
import { type Config, ledgerOrigin } from './config.ts';
import type { Db } from './db/connection.ts';
import { createAreasService } from './modules/areas/index.ts';
import {
  createActorBuilder,
  createAuthService,
  createClientsService,
  createUsersService,
  ensureAdmin,
  ensureDemoAccounts,
  keysFromPem,
} from './modules/auth/index.ts';
import { createCatalog } from './modules/catalog/index.ts';
import { createClassifyService } from './modules/classify/index.ts';
import { createFeedService } from './modules/datastore/index.ts';
import { createIngestService } from './modules/ingest/index.ts';
import { createJobsService } from './modules/jobs/index.ts';
import { createMyData } from './modules/mydata/index.ts';
import { byChannel, createNotify, logSender, smtpSender } from './modules/notify/index.ts';
import { calendarFrom, createOpen } from './modules/open/index.ts';
import { createOrgsService } from './modules/orgs/index.ts';
import { createPrivacy, openingGate, releaseGate } from './modules/privacy/index.ts';
import { createQuality } from './modules/quality/index.ts';
import { createSharing } from './modules/sharing/index.ts';
import { systemActor } from './platform/actor.ts';
import { createLedger, noteSigner } from './platform/ledger/index.ts';
import type { Secrets } from './platform/secrets.ts';

/** Wires the modules' services together; each names exactly what it depends on. */
export function createServices(db: Db, config: Config, secrets: Secrets) {
  const origin = ledgerOrigin(config);
  const ledger = createLedger({
    db,
    settings: {
      origin,
      signer: noteSigner(origin, secrets.ledgerSigningKey),
      salt: secrets.ledgerSalt,
      checkpointEveryMs: config.SHUZHI_LEDGER_CHECKPOINT_MS,
      batchSize: 5000,
    },
  });
  const jobs = createJobsService({ db });
  const areas = createAreasService({ db, jobs });
  const orgs = createOrgsService({ db, areas });
  const actors = createActorBuilder({ db, orgs, areas });
  const auth = createAuthService({
    db,
    orgs,
    areas,
    actors,
    ledger,
    keys: keysFromPem(secrets.tokenSigningKey),
    settings: {
      sessionHours: config.SHUZHI_SESSION_HOURS,
      tokenMinutes: config.SHUZHI_TOKEN_MINUTES,
      lockoutThreshold: config.SHUZHI_LOCKOUT_THRESHOLD,
      lockoutMinutes: config.SHUZHI_LOCKOUT_MINUTES,
    },
  });
  const users = createUsersService({ db, orgs, areas, ledger });
  const clients = createClientsService({
    db,
    orgs,
    ledger,
    // Declared further down; only called once everything is wired.
    onRevoked: (id, byName) => sharing.grants.revokeForApp(id, byName),
  });
  const catalog = createCatalog({
    db,
    orgs,
    ledger,
    jobs,
    salt: secrets.ledgerSalt,
    openingGate: openingGate({ minK: config.SHUZHI_PRIVACY_MIN_K }),
  });
  /** Every published dataset, for modules that work across the catalogue. */
  const listPublished = async () => {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.search(systemActor, {
        view: 'resource',
        status: 'published',
        sort: 'name',
        limit: 100,
        cursor,
      });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };
  const quality = createQuality({
    db,
    jobs,
    ledger,
    datasets: {
      getDataset: catalog.service.getDataset,
      findDatasetById: catalog.findDatasetById,
      listPublished,
    },
    // 一数一源 consistency: the bindings where the dataset is not the authoritative side.
    consistency: async (datasetId) =>
      (await catalog.conflicts.summary(systemActor, { dataset: datasetId })).bindings
        .filter((b) => b.other.datasetId === datasetId)
        .map((b) => ({
          element: b.elementCode,
          elementName: b.elementName,
          authoritative: b.authoritative.datasetCode,
          compared: b.lastCheck?.compared ?? 0,
          open: b.open,
        })),
    orgNames: async (ids) => new Map((await orgs.findOrgs(ids)).map((o) => [o.id, o.name])),
    settings: {
      sqlTimeoutMs: config.SHUZHI_QUALITY_SQL_TIMEOUT_SECONDS * 1000,
      scheduleMinutes: config.SHUZHI_QUALITY_SCHEDULE_MINUTES,
      complaintDays: config.SHUZHI_COMPLAINT_DAYS,
      salt: secrets.ledgerSalt,
    },
  });
  const ingest = createIngestService({
    db,
    jobs,
    ledger,
    datasets: { getDataset: catalog.service.getDataset, findDatasetById: catalog.findDatasetById },
    uploadDir: config.inMemory
      ? join(tmpdir(), `shuzhi-uploads-${process.pid}`)
      : join(resolve(config.SHUZHI_DATA_DIR), 'uploads'),
    uploadLimitBytes: config.SHUZHI_UPLOAD_LIMIT_MB * 1024 * 1024,
    credentialKey: secrets.credentialKey,
    pullAllowedHosts: config.SHUZHI_PULL_ALLOWED_HOSTS,
    onServer: Boolean(config.DATABASE_URL),
    // A successful load queues its 一数一源 conflict checks, a quality run of the dataset and, for an
    // open dataset with personal fields, a new k-anonymity check.
    onImported: async (datasetId) => {
      await catalog.conflicts.afterImport(datasetId);
      await quality.afterImport(datasetId);
      // Declared further down; only called once everything is wired.
      await privacy.kanon.afterImport(datasetId);
    },
  });
  const classify = createClassifyService({
    db,
    ledger,
    catalog: { getDataset: catalog.service.getDataset, updateDatasetIn: catalog.service.updateDatasetIn },
    uploadLimitBytes: config.SHUZHI_UPLOAD_LIMIT_MB * 1024 * 1024,
  });
  const feed = createFeedService({
    db,
    ledger,
    datasets: { getDataset: catalog.service.getDataset },
    salt: secrets.ledgerSalt,
  });
  const findDatasetByCode = async (code: string) => {
    const id = await catalog.findDatasetIdByCode(code);
    return id ? catalog.findDatasetById(id) : undefined;
  };
  // There is no SMS gateway: text messages go to the log; e-mail goes over SMTP once it is configured.
  const logged = logSender();
  const notify = createNotify({
    sender: config.SHUZHI_SMTP_URL
      ? byChannel({
          sms: logged,
          email: smtpSender({ url: config.SHUZHI_SMTP_URL, from: config.SHUZHI_MAIL_FROM }),
        })
      : logged,
  });
  const open = createOpen({
    db,
    orgs,
    ledger,
    calendar: calendarFrom(quality.calendar),
    // Rows of an open dataset with personal fields leave only while a passing k-anonymity check
    // describes them (privacy's release gate; a later load withholds them until one does).
    release: releaseGate(db, { minK: config.SHUZHI_PRIVACY_MIN_K }),
    access: {
      datasets: { findByCode: findDatasetByCode },
      notify,
      settings: {
        sessionHours: config.SHUZHI_SESSION_HOURS,
        lockoutThreshold: config.SHUZHI_LOCKOUT_THRESHOLD,
        lockoutMinutes: config.SHUZHI_LOCKOUT_MINUTES,
        applicationDays: config.SHUZHI_OPEN_APPLICATION_DAYS,
      },
    },
    // The public portal shows an open dataset's scores and update history: it asks as the platform,
    // only after finding the dataset open, and passes on scores, counts and dates alone.
    portal: {
      quality: (id) => quality.service.datasetQuality(systemActor, id, 90),
      versions: async (id) => (await catalog.service.listVersions(systemActor, id)).items,
      imports: async (id) => (await ingest.listImports(systemActor, id, { limit: 100 })).items,
    },
  });
  const privacy = createPrivacy({
    db,
    jobs,
    ledger,
    orgs,
    datasets: { getDataset: catalog.service.getDataset, findDatasetById: catalog.findDatasetById },
    settings: { minK: config.SHUZHI_PRIVACY_MIN_K, psiMaxKeys: config.SHUZHI_PSI_MAX_KEYS },
  });
  const sharing = createSharing({
    db,
    ledger,
    findDataset: findDatasetByCode,
    apps: clients,
    orgNames: async (ids) => new Map((await orgs.findOrgs(ids)).map((o) => [o.id, o.name])),
    calendar: calendarFrom(quality.calendar),
    salt: secrets.ledgerSalt,
    settings: {
      ownerDays: config.SHUZHI_SHARE_DECISION_DAYS,
      platformDays: config.SHUZHI_SHARE_PLATFORM_DAYS,
      ratePerSecond: config.SHUZHI_SHARE_RATE_PER_SECOND,
      meterMs: config.SHUZHI_SHARE_METER_MS,
    },
    // Declared further down; only called once everything is wired.
    consenting: (orgId, keys) => mydata.consents.consenting(orgId, keys),
  });
  const mydata = createMyData({
    db,
    ledger,
    notify,
    complaints: quality.complaints,
    listPublished,
    orgs: {
      name: async (id) => (await orgs.findOrgs([id]))[0]?.name,
      search: async (q) =>
        (await orgs.listOrgs({ q, limit: 50 })).items.map((o) => ({ id: o.id, name: o.name })),
    },
    secrets: {
      salt: secrets.ledgerSalt,
      credentialKey: secrets.credentialKey,
      consentSigningKey: secrets.consentSigningKey,
    },
    sessionHours: config.SHUZHI_SESSION_HOURS,
  });
  return {
    db,
    ledger,
    jobs,
    areas,
    orgs,
    auth,
    users,
    clients,
    catalog,
    ingest,
    classify,
    feed,
    open,
    quality,
    privacy,
    sharing,
    notify,
    mydata,
  };
}

export type Services = ReturnType<typeof createServices>;

export type SeedResult = {
  areasImported: number;
  orgsCreated: number;
  admin: { username: string; password: string } | null;
  demoAccounts: DemoAccount[];
};

/**
 * Reference data every platform needs (Hangzhou's divisions, the city's departments), then, if
 * asked, the first admin (production) or the demo accounts (demo). Safe to run at every start.
 */
export async function seed(
  s: Services,
  opts: { accounts: 'none' | 'admin' | 'demo'; onAreaProgress?: (done: number, total: number) => void },
): Promise<SeedResult> {
  let areasImported = 0;
  if ((await s.areas.countAreas()) === 0) {
    areasImported = (await s.areas.importReference(opts.onAreaProgress)).imported;
  }
  const orgsCreated = await s.orgs.seedDefaults();
  const demoAccounts = opts.accounts === 'demo' ? await ensureDemoAccounts(s.users, s.orgs) : [];
  const admin = opts.accounts === 'admin' ? await ensureAdmin(s.users, s.orgs) : null;
  return { areasImported, orgsCreated, admin, demoAccounts };
}
