import type { DatasetSearchQuery } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { JobsService } from '../jobs/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { fromXlsx, importCatalog, toXlsx } from './catalog.io.ts';
import { findDatasetByCode, findDataset as findDatasetRow } from './catalog.repo.ts';
import { createCatalogSearch } from './catalog.search.ts';
import { createCatalogService, type OpeningGate } from './catalog.service.ts';
import { createConflictsService } from './conflicts.service.ts';
import { createElementsService } from './elements.service.ts';

export { DATASET_FIELDS } from './catalog.repo.ts';
export { catalogRoutes } from './catalog.routes.ts';
export type { CatalogTables } from './catalog.tables.ts';
export { CONFLICT_CHECK_JOB } from './conflicts.service.ts';
export { catalogMigrations } from './migrations/index.ts';

/**
 * The catalog module's public surface: entries and lifecycle, search, import/export, data elements
 * and their single-source conflicts.
 */
export function createCatalog(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  jobs: JobsService;
  /** Keys the hashes that L4 values leave as (the ledger's subject salt). */
  salt: string;
  /** Refuses to open a dataset whose rows fail the privacy checks (see the privacy module). */
  openingGate?: OpeningGate;
}) {
  const service = createCatalogService(deps);
  const search = createCatalogSearch({ ...deps, catalog: service });
  const elements = createElementsService(deps);
  const conflicts = createConflictsService(deps);

  /** Everything the actor can see in a view, page by page. */
  async function allVisible(actor: Actor, view: DatasetSearchQuery['view']) {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await search(actor, { view, sort: 'name', limit: 100, cursor });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && out.length < 50_000);
    return out;
  }

  return {
    service,
    search,
    elements,
    conflicts,
    /** A dataset's id by its code, for the operator's command line. */
    async findDatasetIdByCode(code: string) {
      return (await findDatasetByCode(deps.db, code))?.id;
    },
    /** A dataset by id without an actor: for background work that was authorised when it was queued. */
    async findDatasetById(id: string) {
      const row = await findDatasetRow(deps.db, id);
      return row ? (await service.toDatasets([row]))[0] : undefined;
    },
    async exportCatalog(actor: Actor, view: DatasetSearchQuery['view'], format: 'json' | 'xlsx') {
      if (view !== 'open') requireSignedIn(actor);
      const items = await allVisible(actor, view);
      return format === 'xlsx' ? toXlsx(items) : JSON.stringify(items, null, 2);
    },
    async importFile(actor: Actor, body: unknown, contentType: string) {
      requireSignedIn(actor);
      let items: unknown;
      if (Buffer.isBuffer(body)) items = await fromXlsx(body);
      else items = body;
      if (!Array.isArray(items)) {
        throw new AppError('bad_request', {
          reason: `expected a JSON array of entries or an XLSX file (got ${contentType})`,
        });
      }
      return importCatalog({ db: deps.db, catalog: service }, actor, items);
    },
  };
}

export type CatalogFacade = ReturnType<typeof createCatalog>;
