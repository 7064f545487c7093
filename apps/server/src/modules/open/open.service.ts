import type { OpenDownloadFormat, Org } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import { type KeyUse, keyDetails } from './access/key-use.ts';
import type { RecordsService } from './access/records.service.ts';
import { catalogQuads, datasetQuads, toJsonLd, toTurtle } from './open.dcat.ts';
import { exportStream } from './open.download.ts';
import { gated, type ReleaseCheck } from './open.names.ts';
import * as repo from './open.repo.ts';

export type RdfFormat = 'jsonld' | 'ttl';

/** Downloads of open datasets (each one in the ledger) and the DCAT-AP 3 catalogue. */
export function createOpenService(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  siteTitle: string;
  /** Downloads of conditionally open datasets, for API keys of approved applicants. */
  conditional?: Pick<RecordsService, 'download'>;
  release: ReleaseCheck;
}) {
  const { db, orgs, ledger } = deps;

  const render = async (quads: ReturnType<typeof catalogQuads>, format: RdfFormat) =>
    format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads), null, 2);

  return {
    /**
     * Streams an open dataset's rows as CSV, JSON or XLSX, after writing the download to the ledger.
     * With an API key, a conditionally open dataset streams what the key's approved applications allow.
     */
    async download(actor: Actor, code: string, format: OpenDownloadFormat, key?: KeyUse) {
      const d = await repo.findOpenDatasetByCode(db, code);
      if (!d && key && deps.conditional) return deps.conditional.download(actor, key, code, format);
      if (!d) throw notFound('dataset', code);
      key?.datasets.add(d.code);
      await deps.release(gated(d));
      await ledger.record({
        actor,
        action: 'open.download',
        result: 'ok',
        dataset: d.code,
        details: { format, ...keyDetails(key) },
      });
      return {
        filename: `${d.code}.${format}`,
        stream: exportStream(db, d, format),
        conditional: false,
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
