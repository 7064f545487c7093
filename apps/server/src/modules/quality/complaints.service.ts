import type { Complaint, ComplaintStatus, Dataset, RaiseComplaintBody } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type FieldRule, maskRecord, personalFields } from '../masking/index.ts';
import { addWorkingDays, chinaDay, loadCalendar } from './calendar.ts';
import * as repo from './complaints.repo.ts';
import { fieldRules } from './quality.dto.ts';
import { canAnswer, canClose, canSeeComplaint, isAdmin, keyApproval } from './quality.policy.ts';
import { listRules } from './quality.repo.ts';
import type { Runner } from './quality.runner.ts';

export type ComplaintsDeps = {
  db: Db;
  ledger: Ledger;
  runner: Runner;
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  findDataset: (id: string) => Promise<Dataset | undefined>;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  /** SHUZHI_COMPLAINT_DAYS: working days the owner has to answer. */
  workingDays: number;
  salt: string;
  now?: () => Date;
};

type Input = Omit<RaiseComplaintBody, 'datasetId'>;

/**
 * Quality complaints (质量申诉): anyone who may see a dataset raises one on a record or field; the owner's
 * data officer answers or corrects within N working days (Chinese holidays and 调休 counted); the
 * complainant sees the outcome and closes it. Every step is written to the ledger.
 */
export function createComplaintsService(deps: ComplaintsDeps) {
  const { db, ledger, runner, findDataset } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => chinaDay(now());

  function assertInput(ds: Dataset, input: Input): void {
    const keys = ds.fields.filter((f) => f.key).map((f) => f.name);
    if (input.recordKey) {
      const given = Object.keys(input.recordKey);
      if (given.length !== keys.length || !keys.every((k) => given.includes(k)))
        throw new AppError('complaint_key_fields', { fields: keys.join(', ') });
    }
    if (input.field && !ds.fields.some((f) => f.name === input.field))
      throw new AppError('quality_unknown_field', { field: input.field, dataset: ds.code });
  }

  /** Whom a record key identifies, as the ledger hashes it: its values in the dataset's key order. */
  const subjectOf = (ds: Dataset | undefined, key: Record<string, string>) =>
    (ds ? ds.fields.filter((f) => f.key).map((f) => key[f.name] ?? '') : Object.values(key)).join('|');

  async function raise(a: SignedInActor, ds: Dataset, input: Input, source: 'staff' | 'data_subject') {
    if (ds.status !== 'published')
      throw new AppError('wrong_status', { status: ds.status, need: 'published' });
    assertInput(ds, input);
    const raisedOn = today();
    const deadline = addWorkingDays(raisedOn, deps.workingDays, await loadCalendar(db, raisedOn));
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await repo.insertComplaint(trx, {
        id,
        dataset_id: ds.id,
        dataset_code: ds.code,
        owner_org_id: ds.ownerOrgId,
        record_key: input.recordKey ? JSON.stringify(input.recordKey) : null,
        field: input.field ?? null,
        text: input.text,
        source,
        complainant_id: a.id,
        complainant_name: a.name,
        complainant_org_id: source === 'staff' ? a.orgId : null,
        status: 'open',
        deadline,
        answer: null,
        answered_by: null,
        answered_by_name: null,
        answered_at: null,
        feedback: null,
        closed_by: null,
        closed_at: null,
      });
      await ledger.record(
        {
          actor: a,
          action: 'quality.complaint_raise',
          result: 'ok',
          purpose: '质量异议 / quality complaint',
          dataset: ds.code,
          fields: input.field ? [input.field] : undefined,
          subjects: input.recordKey ? [subjectOf(ds, input.recordKey)] : undefined,
          details: { complaint: id, source, deadline },
        },
        trx,
      );
    });
    return shown(a, id);
  }

  async function toComplaints(a: SignedInActor, rows: repo.ComplaintRow[]): Promise<Complaint[]> {
    const datasets = new Map<string, { ds: Dataset | undefined; rules: FieldRule[] }>();
    for (const id of new Set(rows.map((r) => r.dataset_id))) {
      const ds = await findDataset(id);
      datasets.set(id, { ds, rules: ds ? fieldRules(ds, await listRules(db, id)) : [] });
    }
    // A key whose dataset is gone has no grading left to read: each of its values counts as L4.
    const rulesOf = (rules: FieldRule[], key: Record<string, string>): FieldRule[] =>
      rules.length > 0 ? rules : Object.keys(key).map((name) => ({ name, type: null, level: 'L4' }));
    const names = await deps.orgNames([
      ...new Set(
        rows.flatMap((r) => [r.owner_org_id, ...(r.complainant_org_id ? [r.complainant_org_id] : [])]),
      ),
    ]);
    const day = today();
    return rows.map((r) => {
      const { ds, rules } = datasets.get(r.dataset_id) as { ds: Dataset | undefined; rules: FieldRule[] };
      const approval = keyApproval(a, r);
      const key = r.record_key
        ? (maskRecord(r.record_key, rulesOf(rules, r.record_key), approval, {
            salt: deps.salt,
          }) as Record<string, string>)
        : null;
      const answeredDay = r.answered_at ? chinaDay(r.answered_at) : null;
      return {
        id: r.id,
        datasetId: r.dataset_id,
        datasetCode: r.dataset_code,
        datasetName: ds?.name ?? r.dataset_code,
        ownerOrgId: r.owner_org_id,
        ownerOrgName: names.get(r.owner_org_id) ?? '',
        recordKey: key,
        keyMasked: !!key && approval !== 'source',
        field: r.field,
        fieldTitle: ds?.fields.find((f) => f.name === r.field)?.title ?? null,
        text: r.text,
        source: r.source,
        complainantName: r.complainant_name,
        complainantOrgName: r.complainant_org_id ? (names.get(r.complainant_org_id) ?? null) : null,
        status: r.status,
        deadline: r.deadline,
        overdue: r.status === 'open' && day > r.deadline,
        answeredLate: answeredDay !== null && answeredDay > r.deadline,
        answer: r.answer,
        answeredBy: r.answered_by_name,
        answeredAt: r.answered_at?.toISOString() ?? null,
        feedback: r.feedback,
        closedAt: r.closed_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
        mine: r.complainant_id === a.id,
        canAnswer: canAnswer(a, r),
        canClose: canClose(a, r),
      };
    });
  }

  /** Reading record keys is reading personal data: each read that shows any goes to the ledger. */
  async function recordRead(a: SignedInActor, rows: repo.ComplaintRow[], items: Complaint[]) {
    const shown = rows.filter((r) => r.record_key);
    if (shown.length === 0) return;
    const subjects: string[] = [];
    const fields = new Set<string>();
    for (const r of shown) {
      const ds = await findDataset(r.dataset_id);
      const key = r.record_key ?? {};
      subjects.push(subjectOf(ds, key));
      const personal = ds ? new Set(personalFields(ds)) : null;
      for (const f of Object.keys(key)) if (!personal || personal.has(f)) fields.add(f);
    }
    const codes = [...new Set(shown.map((r) => r.dataset_code))].sort();
    await ledger.record({
      actor: a,
      action: 'quality.complaints_read',
      result: 'ok',
      purpose: '质量异议 / quality complaint',
      dataset: codes.length === 1 ? codes[0] : undefined,
      fields: [...fields],
      subjects,
      details: {
        complaints: items.length,
        masked: items.filter((i) => i.keyMasked).length,
        datasets: codes,
      },
    });
  }

  async function visible(a: SignedInActor, id: string): Promise<repo.ComplaintRow> {
    const row = await repo.findComplaint(db, id);
    // Someone else's complaint is reported missing, so ids leak nothing.
    if (!row || !canSeeComplaint(a, row)) throw notFound('complaint', id);
    return row;
  }

  /** The complaint after an action by `a`: the action's own ledger entry already covers the read. */
  async function shown(a: SignedInActor, id: string): Promise<Complaint> {
    return (await toComplaints(a, [(await repo.findComplaint(db, id)) as repo.ComplaintRow]))[0] as Complaint;
  }

  const service = {
    /** A signed-in user raises a complaint on a dataset they may see in the catalog. */
    async raiseComplaint(actor: Actor, body: RaiseComplaintBody): Promise<Complaint> {
      const a = requireSignedIn(actor);
      const ds = await deps.getDataset(a, body.datasetId);
      const { datasetId: _, ...input } = body;
      return raise(a, ds, input, 'staff');
    },

    /**
     * A data subject disputes a record about them (my data). The caller has established that the
     * record concerns them; catalog visibility does not apply, the dataset need only be published.
     */
    async raiseAsDataSubject(actor: SignedInActor, datasetId: string, input: Input): Promise<Complaint> {
      const ds = await findDataset(datasetId);
      if (!ds) throw notFound('dataset', datasetId);
      return raise(actor, ds, input, 'data_subject');
    },

    async getComplaint(actor: Actor, id: string): Promise<Complaint> {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      const items = await toComplaints(a, [row]);
      await recordRead(a, [row], items);
      return items[0] as Complaint;
    },

    /** `mine`: complaints I raised; `inbox`: those on my organisation's datasets (all for the admin). */
    async listComplaints(
      actor: Actor,
      q: {
        box: 'mine' | 'inbox';
        status?: ComplaintStatus;
        overdue?: boolean;
        dataset?: string;
        cursor?: string;
        limit: number;
      },
    ) {
      const a = requireSignedIn(actor);
      if (q.box === 'inbox' && !isAdmin(a) && !a.roles.includes('data_officer'))
        throw new AppError('forbidden', { need: 'data_officer' });
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listComplaints(db, {
        complainantId: q.box === 'mine' ? a.id : undefined,
        ownerOrgId: q.box === 'inbox' ? (isAdmin(a) ? null : a.orgId) : undefined,
        status: q.status,
        overdue: q.overdue === undefined ? undefined : { value: q.overdue, today: today() },
        dataset: q.dataset,
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      const page = toPage(rows, q.limit, (r) => [r.id]);
      const items = await toComplaints(a, page.items);
      await recordRead(a, page.items, items);
      return { items, nextCursor: page.nextCursor };
    },

    /** The owner's data officer answers, or reports the data corrected (which queues a recheck). */
    async answer(
      actor: Actor,
      id: string,
      body: { outcome: 'answered' | 'corrected'; answer: string },
    ): Promise<Complaint> {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      if (row.status !== 'open') throw new AppError('wrong_status', { status: row.status, need: 'open' });
      if (!canAnswer(a, row))
        throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
      const late = today() > row.deadline;
      const ds = await findDataset(row.dataset_id);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.answerComplaint(trx, id, { status: body.outcome, answer: body.answer, by: a })))
          throw new AppError('wrong_status', { status: 'answered', need: 'open' });
        await ledger.record(
          {
            actor: a,
            action: 'quality.complaint_answer',
            result: 'ok',
            purpose: '质量异议 / quality complaint',
            dataset: row.dataset_code,
            fields: row.field ? [row.field] : undefined,
            subjects: row.record_key ? [subjectOf(ds, row.record_key)] : undefined,
            details: { complaint: id, outcome: body.outcome, late, deadline: row.deadline },
          },
          trx,
        );
      });
      if (body.outcome === 'corrected' && ds?.status === 'published')
        await runner.enqueue(ds, 'complaint', a);
      return shown(a, id);
    },

    /** The complainant accepts the outcome (optionally saying how it went); the admin may close for them. */
    async close(actor: Actor, id: string, feedback: string): Promise<Complaint> {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      if (row.status !== 'answered' && row.status !== 'corrected')
        throw new AppError('wrong_status', { status: row.status, need: 'answered | corrected' });
      if (!canClose(a, row)) throw new AppError('forbidden', { need: 'the complainant' });
      await db.transaction().execute(async (trx) => {
        if (!(await repo.closeComplaint(trx, id, a.id, feedback)))
          throw new AppError('wrong_status', { status: 'closed', need: 'answered | corrected' });
        await ledger.record(
          {
            actor: a,
            action: 'quality.complaint_close',
            result: 'ok',
            purpose: '质量异议 / quality complaint',
            dataset: row.dataset_code,
            details: { complaint: id, feedback: feedback || null },
          },
          trx,
        );
      });
      return shown(a, id);
    },

    /** Open and overdue complaints per owner organisation, for the dashboard. */
    async openCounts(orgId: string | null) {
      return repo.countOpen(db, orgId, today());
    },
  };
  return service;
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
