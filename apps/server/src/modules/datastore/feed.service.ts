import type { ChangesPage, Dataset } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { datasetRules, maskRecord, personalFields } from '../masking/index.ts';
import { readChanges } from './datastore-feed.ts';

/**
 * The change feed of a dataset's loaded records: what changed since a cursor, for the systems that
 * keep a copy in step. The owner organisation (and the platform) reads it here, approved for clear
 * values; other departments will read through sharing grants. The masking policy still hashes what
 * is graded L4 (by the field or by the dataset), and every page holding personal fields is written
 * to the ledger with the subjects it showed.
 */
export function createFeedService(deps: {
  db: Db;
  ledger: Ledger;
  datasets: { getDataset: (actor: Actor, id: string) => Promise<Dataset> };
  salt: string;
}) {
  const { db, ledger, datasets, salt } = deps;
  return {
    async changes(
      actor: Actor,
      datasetId: string,
      q: { cursor?: string; limit: number },
    ): Promise<ChangesPage> {
      const a = requireSignedIn(actor);
      const ds = await datasets.getDataset(a, datasetId);
      if (!a.roles.includes('platform_admin') && a.orgId !== ds.ownerOrgId)
        throw new AppError('forbidden', { need: 'a role in the owner organisation' });
      if (ds.status !== 'published')
        throw new AppError('wrong_status', { status: ds.status, need: 'published' });
      const after = q.cursor ?? '0';
      const rows = await readChanges(db, ds.code, ds.fields, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const rules = datasetRules(ds);
      const keyNames = ds.fields.filter((f) => f.key).map((f) => f.name);
      const items = page.map((c) => {
        const key = maskRecord(c.key, rules, 'clear', { salt });
        return {
          seq: c.seq,
          op: c.op,
          key: Object.fromEntries(keyNames.map((k) => [k, key[k] ?? null])),
          record: c.record ? maskRecord(c.record, rules, 'clear', { salt }) : null,
          changedAt: c.changedAt.toISOString(),
        };
      });
      const personal = personalFields(ds);
      if (items.length > 0 && personal.length > 0) {
        await ledger.record({
          actor: a,
          action: 'datastore.changes_read',
          result: 'ok',
          purpose: '变更订阅 / change feed',
          dataset: ds.code,
          fields: personal,
          subjects: page.map((c) => keyNames.map((k) => String(c.key[k] ?? '')).join('|')),
          details: { after, to: page[page.length - 1]?.seq, records: items.length },
        });
      }
      return { items, cursor: page[page.length - 1]?.seq ?? after, hasMore: rows.length > q.limit };
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
