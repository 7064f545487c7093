import type {
  ApplicableDataset,
  Application,
  ApplyBody,
  ApproveBody,
  Dataset,
  OpenAccount,
} from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type Actor, anonymous } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { addWorkingDays, type Calendar, chinaDay } from '../../quality/index.ts';
import { requireAccount, requireVerified } from './accounts.service.ts';
import {
  assertDecider,
  checkApproval,
  checkPeriod,
  isClosedField,
  resolveFields,
  seesOwner,
} from './applications.policy.ts';
import * as repo from './applications.repo.ts';

export type DatasetLookup = { findByCode: (code: string) => Promise<Dataset | undefined> };

/** A published dataset that open data shows (conditionally or not); anything else does not exist here. */
export async function findOpenDataset(datasets: DatasetLookup, code: string): Promise<Dataset> {
  const ds = await datasets.findByCode(code);
  if (ds?.status !== 'published' || ds.openType === 'none') throw notFound('dataset', code);
  return ds;
}

export type ApplicationsDeps = {
  db: Db;
  ledger: Ledger;
  datasets: DatasetLookup;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  /** The working-day calendar (holidays, 调休 workdays) from a day on. */
  calendar: (from: string) => Promise<Calendar>;
  /** Working days an owner has to decide. */
  workingDays: number;
  now?: () => Date;
};

/**
 * Applications for datasets open on conditions (有条件开放): a member of the public asks for fields
 * for a purpose and a period; the owner organisation's data officer approves (possibly narrower) or
 * rejects with a reason within a number of working days; the applicant sees status and outcome.
 */
export function createApplicationsService(deps: ApplicationsDeps) {
  const { db, ledger, datasets } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());

  async function toApplications(rows: repo.ApplicationRow[]): Promise<Application[]> {
    const names = await deps.orgNames([...new Set(rows.map((r) => r.owner_org_id))]);
    const day = today();
    return rows.map((r) => {
      const decidedDay = r.decided_at ? chinaDay(r.decided_at) : null;
      return {
        id: r.id,
        datasetCode: r.dataset_code,
        datasetName: r.dataset_name,
        ownerOrgId: r.owner_org_id,
        ownerOrgName: names.get(r.owner_org_id) ?? '',
        applicantName: r.applicant_name,
        applicantOrg: r.applicant_org,
        applicantEmail: r.applicant_email,
        purpose: r.purpose,
        fields: r.fields,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        status: r.status,
        submittedAt: r.submitted_at.toISOString(),
        deadline: r.deadline,
        overdue: r.status === 'pending' && day > r.deadline,
        decidedAt: r.decided_at?.toISOString() ?? null,
        decidedLate: decidedDay !== null && r.status !== 'withdrawn' && decidedDay > r.deadline,
        decidedByName: r.decided_by_name,
        approvedFields: r.approved_fields,
        approvedStart: r.approved_start,
        approvedEnd: r.approved_end,
        decisionNote: r.decision_note,
      };
    });
  }
  const one = async (r: repo.ApplicationRow) => (await toApplications([r]))[0] as Application;

  const openDataset = (code: string) => findOpenDataset(datasets, code);

  async function forDecider(actor: Actor, id: string) {
    const a = assertDecider(actor);
    const row = await repo.findApplication(db, id);
    // Another organisation's application does not exist for this officer: no probing of ids.
    if (!row || !seesOwner(a, row.owner_org_id)) throw notFound('open_application', id);
    if (row.status !== 'pending') throw new AppError('wrong_status', { status: row.status, need: 'pending' });
    return { a, row };
  }

  return {
    /** What the application form needs: the dataset and which of its fields may be asked for. */
    async applicable(code: string): Promise<ApplicableDataset> {
      const ds = await openDataset(code);
      return {
        code: ds.code,
        name: ds.name,
        nameEn: ds.nameEn,
        description: ds.description,
        ownerOrgName: ds.ownerOrgName,
        openType: ds.openType,
        level: ds.level,
        decisionDays: deps.workingDays,
        fields: ds.fields.map((f) => ({
          name: f.name,
          title: f.title,
          type: f.type,
          sensitivity: f.sensitivity,
          applicable: ds.openType === 'conditional' && ds.level !== 'L4' && !isClosedField(f),
          masked: f.sensitivity !== 'none',
        })),
      };
    },

    async apply(who: OpenAccount | null, body: ApplyBody): Promise<Application> {
      const account = requireVerified(who);
      const ds = await openDataset(body.datasetCode);
      if (ds.openType !== 'conditional') throw new AppError('open_access_not_conditional', { code: ds.code });
      if (ds.level === 'L4') throw new AppError('open_access_level_closed', { code: ds.code });
      const fields = resolveFields(ds, body.fields);
      const day = today();
      checkPeriod(body.periodStart, body.periodEnd, day);
      const deadline = addWorkingDays(day, deps.workingDays, await deps.calendar(day));
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (await repo.hasPending(trx, account.id, ds.id))
          throw new AppError('open_access_pending_exists', { code: ds.code });
        await repo.insertApplication(trx, {
          id,
          account_id: account.id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          dataset_name: ds.name,
          owner_org_id: ds.ownerOrgId,
          applicant_name: body.applicantName,
          applicant_org: body.applicantOrg,
          applicant_email: account.email,
          purpose: body.purpose,
          fields,
          period_start: body.periodStart,
          period_end: body.periodEnd,
          status: 'pending',
          deadline,
        });
        await ledger.record(
          {
            actor: anonymous,
            action: 'open.application_submit',
            result: 'ok',
            purpose: body.purpose,
            dataset: ds.code,
            fields: fields.map((f) => f.name),
            details: {
              application: id,
              account: account.id,
              start: body.periodStart,
              end: body.periodEnd,
              deadline,
            },
          },
          trx,
        );
      });
      return one((await repo.findApplication(db, id)) as repo.ApplicationRow);
    },

    async mine(who: OpenAccount | null) {
      const account = requireAccount(who);
      return { items: await toApplications(await repo.listByAccount(db, account.id)) };
    },

    async getMine(who: OpenAccount | null, id: string) {
      const account = requireAccount(who);
      const row = await repo.findApplication(db, id);
      if (!row || row.account_id !== account.id) throw notFound('open_application', id);
      return one(row);
    },

    async withdraw(who: OpenAccount | null, id: string) {
      const account = requireAccount(who);
      const row = await repo.findApplication(db, id);
      if (!row || row.account_id !== account.id) throw notFound('open_application', id);
      const done = await repo.decide(db, id, {
        status: 'withdrawn',
        decided_by: null,
        decided_by_name: null,
        decision_note: null,
      });
      if (!done) throw new AppError('wrong_status', { status: row.status, need: 'pending' });
      return one((await repo.findApplication(db, id)) as repo.ApplicationRow);
    },

    /** The owner organisation's applications (every one for the platform admin). */
    async inbox(actor: Actor, q: { status?: Application['status']; overdue?: 'true' | 'false' }) {
      const a = assertDecider(actor);
      const rows = await repo.listForOwner(db, {
        ownerOrgId: a.roles.includes('platform_admin') ? null : a.orgId,
        status: q.status,
        overdueOn: q.overdue ? { value: q.overdue === 'true', today: today() } : undefined,
      });
      return { items: await toApplications(rows) };
    },

    async getForOwner(actor: Actor, id: string) {
      const a = assertDecider(actor);
      const row = await repo.findApplication(db, id);
      if (!row || !seesOwner(a, row.owner_org_id)) throw notFound('open_application', id);
      return one(row);
    },

    async approve(actor: Actor, id: string, body: ApproveBody): Promise<Application> {
      const { a, row } = await forDecider(actor, id);
      const day = today();
      checkApproval(
        { fields: row.fields, start: row.period_start, end: row.period_end },
        { fields: body.fields, start: body.periodStart, end: body.periodEnd },
        day,
      );
      // The dataset may have changed since: a field dropped or graded L4 since cannot be approved.
      const ds = await openDataset(row.dataset_code);
      const fields = resolveFields(ds, body.fields);
      await db.transaction().execute(async (trx) => {
        const done = await repo.decide(trx, id, {
          status: 'approved',
          decided_by: a.id,
          decided_by_name: a.name,
          approved_fields: fields,
          approved_start: body.periodStart,
          approved_end: body.periodEnd,
          decision_note: body.note || null,
        });
        if (!done) throw new AppError('wrong_status', { status: 'decided', need: 'pending' });
        await ledger.record(
          {
            actor: a,
            action: 'open.application_approve',
            result: 'ok',
            purpose: row.purpose,
            dataset: row.dataset_code,
            fields: fields.map((f) => f.name),
            details: {
              application: id,
              account: row.account_id,
              start: body.periodStart,
              end: body.periodEnd,
              late: day > row.deadline,
            },
          },
          trx,
        );
      });
      return one((await repo.findApplication(db, id)) as repo.ApplicationRow);
    },

    async reject(actor: Actor, id: string, reason: string): Promise<Application> {
      const { a, row } = await forDecider(actor, id);
      await db.transaction().execute(async (trx) => {
        const done = await repo.decide(trx, id, {
          status: 'rejected',
          decided_by: a.id,
          decided_by_name: a.name,
          decision_note: reason,
        });
        if (!done) throw new AppError('wrong_status', { status: 'decided', need: 'pending' });
        await ledger.record(
          {
            actor: a,
            action: 'open.application_reject',
            result: 'ok',
            dataset: row.dataset_code,
            details: { application: id, account: row.account_id, reason, late: today() > row.deadline },
          },
          trx,
        );
      });
      return one((await repo.findApplication(db, id)) as repo.ApplicationRow);
    },

    /** The approved applications of an account for a dataset: what its keys may read, and when. */
    approvedFor: (accountId: string, datasetId: string) => repo.approvedFor(db, accountId, datasetId),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
