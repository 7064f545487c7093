import type { Org } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { catalogQuads, datasetQuads, toJsonLd, toTurtle } from './open.dcat.ts';
import { csvChunks, jsonChunks } from './open.download.ts';
import * as repo from './open.repo.ts';

export type RdfFormat = 'jsonld' | 'ttl';

/** Downloads of open datasets (each one in the ledger) and the DCAT-AP 3 catalogue. */
export function createOpenService(deps: { db: Db; orgs: OrgsService; ledger: Ledger; siteTitle: string }) {
  const { db, orgs, ledger } = deps;

  const render = async (quads: ReturnType<typeof catalogQuads>, format: RdfFormat) =>
    format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads), null, 2);

  return {
    /** Streams an open dataset's rows as CSV or JSON, after writing the download to the ledger. */
    async download(actor: Actor, code: string, format: 'csv' | 'json') {
      const d = await repo.findOpenDatasetByCode(db, code);
      if (!d) throw notFound('dataset', code);
      await ledger.record({
        actor,
        action: 'open.download',
        result: 'ok',
        dataset: d.code,
        details: { format },
      });
      return {
        filename: `${d.code}.${format}`,
        chunks: format === 'csv' ? csvChunks(db, d) : jsonChunks(db, d),
      };
    },

    async catalog(base: string, format: RdfFormat): Promise<string> {
      const rows = await repo.listOpenDatasets(db);
      const byId = new Map((await orgs.findOrgs(rows.map((r) => r.owner_org_id))).map((o) => [o.id, o]));
      return render(
        catalogQuads(
          base,
          deps.siteTitle,
          rows.map((d) => ({ d, org: byId.get(d.owner_org_id) as Org })),
        ),
        format,
      );
    },

    /** One dataset's DCAT description, by its CKAN name or id. */
    async dataset(base: string, name: string, format: RdfFormat): Promise<string> {
      const d = await repo.findOpenDataset(db, name);
      if (!d) throw notFound('dataset', name);
      return render(datasetQuads(base, d, await orgs.getOrg(d.owner_org_id)), format);
    },
  };
}

export type OpenService = ReturnType<typeof createOpenService>;
