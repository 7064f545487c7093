import type { AccessEntry, Complaint, DisputeBody, Holding, Holdings } from '@shuzhi/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { datasetRules, maskRecord } from '../masking/index.ts';
import type { ComplaintsService } from '../quality/index.ts';
import { type Finder, ROWS_PER_DATASET, type Row } from './finder.ts';
import { type Subject, subjectActor } from './subject.ts';

const textOf = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/**
 * What a data subject sees of the platform: the datasets holding records about them (masked per
 * policy, every such read ledgered), every ledger entry concerning them, and their disputes, which
 * are quality complaints raised as the data subject.
 */
export function createHoldings(deps: { finder: Finder; ledger: Ledger; complaints: ComplaintsService }) {
  const { finder, ledger } = deps;

  async function holdings(s: Subject): Promise<Holdings> {
    const matches = await finder.matches(s.type);
    const items: Holding[] = [];
    for (const m of matches.filter((x) => x.searchable)) {
      const rows = await finder.rows(m, s.key);
      if (rows.length === 0) continue;
      const shown = rows.slice(0, ROWS_PER_DATASET);
      const rules = datasetRules(m.ds);
      const keys = m.ds.fields.filter((f) => f.key);
      const keyOf = (r: Row) => {
        const masked = maskRecord(r, rules, 'masked');
        // A key is shown in clear only where it is the subject's own identifier or not personal.
        return Object.fromEntries(
          keys.map((k) => {
            const v = textOf(r[k.name]);
            return [k.name, k.sensitivity === 'none' || v === s.key ? v : textOf(masked[k.name])];
          }),
        );
      };
      items.push({
        datasetId: m.ds.id,
        datasetCode: m.ds.code,
        datasetName: m.ds.name,
        ownerOrgName: m.ds.ownerOrgName,
        matchedField: m.field.name,
        keyFields: keys.map((k) => k.name),
        fields: m.ds.fields.map((f) => ({
          name: f.name,
          title: f.title,
          type: f.type,
          masked: rules.find((r) => r.name === f.name)?.level !== 'L1',
        })),
        records: shown.map((r) => ({ key: keyOf(r), values: maskRecord(r, rules, 'masked') })),
        more: rows.length > shown.length,
      });
    }
    await ledger.record({
      actor: subjectActor(s),
      action: 'mydata.records',
      result: 'ok',
      purpose: '本人查阅 / data subject access',
      subjects: [s.key],
      details: {
        datasets: items.map((i) => i.datasetCode),
        records: items.reduce((n, i) => n + i.records.length, 0),
      },
    });
    const unsearchable = matches
      .filter((x) => !x.searchable)
      .map((x) => ({
        datasetCode: x.ds.code,
        datasetName: x.ds.name,
        ownerOrgName: x.ds.ownerOrgName,
        field: x.field.title,
      }));
    return { items, unsearchable };
  }

  return {
    holdings,

    /** Every ledger entry naming the subject, newest first. */
    async accesses(
      s: Subject,
      q: { cursor?: string; limit: number },
    ): Promise<{ items: AccessEntry[]; nextCursor: string | null }> {
      const before = decodeCursor(q.cursor, 1)?.[0];
      const rows = await ledger.listEntriesAbout(s.key, {
        before: typeof before === 'number' ? before : null,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const items = page.map((r) => {
        const e = r.entry as {
          time: string;
          actor: { kind: string; name?: string; orgName?: string };
          action: string;
          result: string;
          dataset?: string;
          fields?: string[];
          purpose?: string;
          details?: { appName?: string };
        };
        return {
          index: r.index,
          time: e.time,
          actorKind: e.actor.kind,
          // Apps are named by their display name where the entry has it, not only their client id.
          actorName: e.details?.appName ?? e.actor.name ?? '',
          orgName: e.actor.orgName || null,
          action: e.action,
          result: e.result,
          dataset: e.dataset ?? null,
          fields: e.fields ?? [],
          purpose: e.purpose ?? null,
          data: r.data,
        };
      });
      const last = page.at(-1);
      const nextCursor = rows.length > q.limit && last ? encodeCursor([last.index]) : null;
      return { items, nextCursor };
    },

    /** A dispute of a record about the subject: a quality complaint with the owner's working-day deadline. */
    async dispute(s: Subject, body: DisputeBody): Promise<Complaint> {
      const m = (await finder.matches(s.type)).find((x) => x.ds.code === body.datasetCode);
      if (!m) throw notFound('dataset', body.datasetCode);
      if (Object.values(body.recordKey).some((v) => v.includes('*'))) throw new AppError('mydata_key_masked');
      if (!(await finder.isAbout(m, s.key, body.recordKey)))
        throw new AppError('mydata_not_yours', { code: body.datasetCode });
      return deps.complaints.raiseAsDataSubject(subjectActor(s), m.ds.id, {
        recordKey: body.recordKey,
        field: body.field,
        text: body.text,
      });
    },

    async disputes(s: Subject) {
      const page = await deps.complaints.listComplaints(subjectActor(s), { box: 'mine', limit: 100 });
      return { items: page.items };
    },
  };
}

export type HoldingsService = ReturnType<typeof createHoldings>;
