import type {
  AnswerDataRequestBody,
  AskDataRequestBody,
  DataRequest,
  DataRequestStatus,
} from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { addWorkingDays, type Calendar, chinaDay } from '../../quality/index.ts';
import { findOpenDatasetByCode } from '../open.repo.ts';
import { canAnswer, canAssign, canReadContact, canSeeRequest, isAdmin } from './community.policy.ts';
import { namesOf, toDataRequest } from './requests.dto.ts';
import * as repo from './requests.repo.ts';

/** Working days the owner has to answer a data request (点单式开放). */
export const ANSWER_WORKING_DAYS = 10;

export type RequestsDeps = {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  /** The working-day calendar (holidays, 调休) from a day on: the quality module's. */
  calendar: (from: string) => Promise<Calendar>;
  now?: () => Date;
};

type ListQuery = {
  q?: string;
  status?: DataRequestStatus;
  overdue?: boolean;
  org?: string;
  mine?: boolean;
  cursor?: string;
  limit: number;
};
type InboxQuery = { status?: DataRequestStatus; overdue?: boolean; cursor?: string; limit: number };

/**
 * 点单式开放: anyone asks for data that is not open yet; the platform admin (or the suggested
 * organisation's data officer) routes the request to the organisation holding the data, whose data
 * officer answers publicly within 10 working days. The requester's contact never leaves the platform
 * except to the assigned owner and the admin, and each such read is in the ledger.
 */
export function createRequestsService(deps: RequestsDeps) {
  const { db, orgs, ledger } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => chinaDay(now());

  async function toDtos(a: Actor, rows: repo.RequestRow[]): Promise<DataRequest[]> {
    const n = await namesOf(db, orgs, rows);
    const day = today();
    return rows.map((r) => toDataRequest(a, r, n, day));
  }

  async function visible(a: Actor, id: string): Promise<repo.RequestRow> {
    const row = await repo.findRequest(db, id);
    if (!row || !canSeeRequest(a, row)) throw notFound('open_request', id);
    return row;
  }

  async function shown(a: Actor, id: string): Promise<DataRequest> {
    return (await toDtos(a, [(await repo.findRequest(db, id)) as repo.RequestRow]))[0] as DataRequest;
  }

  async function assertOrg(id: string): Promise<void> {
    if ((await orgs.findOrgs([id])).length === 0) throw notFound('org', id);
  }

  async function page(a: Actor, rows: repo.RequestRow[], limit: number) {
    const p = toPage(rows, limit, (r) => [r.id]);
    return { items: await toDtos(a, p.items), nextCursor: p.nextCursor };
  }

  return {
    /** Anyone asks: signed in, or anonymous with a contact e-mail. */
    async ask(actor: Actor, body: AskDataRequestBody): Promise<DataRequest> {
      const signedIn = actor.kind !== 'anonymous';
      if (!signedIn && !body.contactEmail)
        throw new AppError('open_request_contact_required', {}, [
          { field: 'contactEmail', message: 'required when not signed in' },
        ]);
      if (body.suggestedOrgId) await assertOrg(body.suggestedOrgId);
      const day = today();
      const deadline = addWorkingDays(day, ANSWER_WORKING_DAYS, await deps.calendar(day));
      const id = newId();
      await repo.insertRequest(db, {
        id,
        title: body.title,
        description: body.description,
        fields: body.fields,
        formats: JSON.stringify([...new Set(body.formats)]),
        purpose: body.purpose,
        requester_id: signedIn ? actor.id : null,
        requester_name: signedIn ? actor.name : null,
        contact_email: body.contactEmail ?? null,
        suggested_org_id: body.suggestedOrgId ?? null,
        status: 'submitted',
        deadline,
        search_text: `${body.title}\n${body.description}`.toLowerCase(),
        created_at: now(),
      });
      return shown(actor, id);
    },

    async get(actor: Actor, id: string): Promise<DataRequest> {
      return (await toDtos(actor, [await visible(actor, id)]))[0] as DataRequest;
    },

    /** The public list: search, status, overdue, assigned organisation; `mine` for the signed-in requester. */
    async list(actor: Actor, q: ListQuery) {
      const me = q.mine ? requireSignedIn(actor) : null;
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listRequests(db, {
        q: q.q,
        status: q.status,
        overdue: q.overdue === undefined ? undefined : { value: q.overdue, today: today() },
        assignedOrgId: q.org,
        requesterId: me?.id,
        rejected: isAdmin(actor) ? 'all' : actor.kind === 'anonymous' ? 'none' : { requesterId: actor.id },
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      return page(actor, rows, q.limit);
    },

    /** Requests for the caller's organisation to route or answer (data officers); every one for the admin. */
    async inbox(actor: Actor, q: InboxQuery) {
      const a = requireSignedIn(actor);
      const admin = isAdmin(a);
      if (!admin && !a.roles.includes('data_officer'))
        throw new AppError('forbidden', { need: 'data_officer' });
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listRequests(db, {
        status: q.status,
        overdue: q.overdue === undefined ? undefined : { value: q.overdue, today: today() },
        inboxOf: admin ? undefined : a.orgId,
        rejected: admin ? 'all' : 'none',
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      return page(a, rows, q.limit);
    },

    async assign(actor: Actor, id: string, orgId: string): Promise<DataRequest> {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      if (row.status !== 'submitted' && row.status !== 'assigned')
        throw new AppError('wrong_status', { status: row.status, need: 'submitted | assigned' });
      if (!canAssign(a, row)) throw new AppError('open_request_cannot_assign');
      await assertOrg(orgId);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.assignRequest(trx, id, orgId, a, now())))
          throw new AppError('wrong_status', { status: 'answered', need: 'submitted | assigned' });
        await ledger.record(
          {
            actor: a,
            action: 'open.request_assign',
            result: 'ok',
            details: { request: id, org: orgId, previous: row.assigned_org_id, deadline: row.deadline },
          },
          trx,
        );
      });
      return shown(a, id);
    },

    async answer(actor: Actor, id: string, body: AnswerDataRequestBody): Promise<DataRequest> {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      const followUp = row.status === 'answered' && row.outcome === 'will_open';
      if (row.status !== 'assigned' && !followUp)
        throw new AppError('wrong_status', { status: row.status, need: 'assigned' });
      if (!canAnswer(a, row)) throw new AppError('open_request_not_assignee');
      const cols: repo.AnswerColumns = {
        outcome: body.outcome,
        reason: null,
        answer: body.text,
        dataset_id: null,
        dataset_code: null,
        planned_date: null,
      };
      if (body.outcome === 'will_open' && body.plannedDate) {
        if (body.plannedDate < today())
          throw new AppError('open_request_planned_past', { date: body.plannedDate }, [
            { field: 'plannedDate', message: 'before today' },
          ]);
        cols.planned_date = body.plannedDate;
      } else if (body.outcome === 'already_open') {
        const d = await findOpenDatasetByCode(db, body.datasetCode);
        if (!d)
          throw new AppError('open_request_dataset_not_open', { code: body.datasetCode }, [
            { field: 'datasetCode', message: 'not an open dataset' },
          ]);
        cols.dataset_id = d.id;
        cols.dataset_code = d.code;
      } else if (body.outcome === 'cannot_open') cols.reason = body.reason;
      const late = today() > row.deadline;
      await db.transaction().execute(async (trx) => {
        if (!(await repo.answerRequest(trx, id, cols, a, now())))
          throw new AppError('wrong_status', { status: 'answered', need: 'assigned' });
        await ledger.record(
          {
            actor: a,
            action: 'open.request_answer',
            result: 'ok',
            dataset: cols.dataset_code ?? undefined,
            details: { request: id, outcome: body.outcome, reason: cols.reason, late, followUp },
          },
          trx,
        );
      });
      return shown(a, id);
    },

    /** The admin withdraws spam or abuse from the public. */
    async reject(actor: Actor, id: string, reason: string): Promise<DataRequest> {
      const a = requireSignedIn(actor);
      if (!isAdmin(a)) throw new AppError('forbidden', { need: 'platform_admin' });
      const row = await visible(a, id);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.rejectRequest(trx, id, reason, a.id, now())))
          throw new AppError('wrong_status', { status: row.status, need: 'submitted | assigned' });
        await ledger.record(
          { actor: a, action: 'open.request_reject', result: 'ok', details: { request: id, reason } },
          trx,
        );
      });
      return shown(a, id);
    },

    /** The requester's contact, for whoever must answer; a read of personal data, so it is in the ledger. */
    async contact(actor: Actor, id: string) {
      const a = requireSignedIn(actor);
      const row = await visible(a, id);
      if (!canReadContact(a, row))
        throw new AppError('forbidden', {
          need: 'platform_admin | data_officer of the assigned organisation',
        });
      await ledger.record({
        actor: a,
        action: 'open.request_contact_read',
        result: 'ok',
        purpose: 'answer a data request',
        details: { request: id, email: row.contact_email !== null },
      });
      return { requesterName: row.requester_name, contactEmail: row.contact_email };
    },
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
