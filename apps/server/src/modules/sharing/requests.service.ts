import type {
  Dataset,
  ShareApproveBody,
  ShareableDataset,
  ShareRequest,
  ShareRequestBody,
  ShareSide,
} from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor, SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { addWorkingDays, type Calendar, chinaDay } from '../quality/index.ts';
import {
  checkApproval,
  checkArea,
  checkPeriod,
  decides,
  isPlatform,
  requireOfficer,
  resolveFields,
} from './requests.policy.ts';
import * as repo from './requests.repo.ts';
import type { Message } from './sharing.tables.ts';
import type { SharingViews } from './sharing.views.ts';

export type App = { id: string; clientId: string; name: string; orgId: string; status: string };
export type SharingDeps = {
  db: Db;
  ledger: Ledger;
  findDataset: (code: string) => Promise<Dataset | undefined>;
  apps: {
    listOrgApps: (orgId: string) => Promise<Omit<App, 'orgId' | 'status'>[]>;
    findApp: (id: string) => Promise<App | undefined>;
  };
  /** The working-day calendar from a day on. */
  calendar: (from: string) => Promise<Calendar>;
  /** Working days the owner (conditional) or the platform (unconditional) has to decide. */
  ownerDays: number;
  platformDays: number;
  views: SharingViews;
  now?: () => Date;
};

/** A published dataset that is shared (conditionally or not); anything else does not exist here. */
export async function findShared(find: SharingDeps['findDataset'], code: string): Promise<Dataset> {
  const ds = await find(code);
  if (ds?.status !== 'published' || ds.shareType === 'none')
    throw new AppError('sharing_not_shared', { code });
  return ds;
}

/**
 * Requests for other departments' data (共享申请) and their decisions: an unconditionally shared
 * dataset is approved by the platform, a conditionally shared one by its owner, within a number of
 * working days; overdue requests escalate to the platform. An approval becomes a grant.
 */
export function createRequestsService(deps: SharingDeps) {
  const { db, ledger, views } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());
  const deadlineFrom = async (day: string, shareType: string) =>
    addWorkingDays(
      day,
      shareType === 'conditional' ? deps.ownerDays : deps.platformDays,
      await deps.calendar(day),
    );

  /** A request the actor may see: its consumer's or owner's officers, or the platform. */
  async function visible(a: SignedInActor, id: string) {
    const row = await repo.findRequest(db, id);
    if (!row || !(isPlatform(a) || a.orgId === row.consumer_org_id || a.orgId === row.owner_org_id))
      throw notFound('share_request', id);
    return row;
  }

  /** Runs a decision on a locked request in one transaction, with its ledger entry. */
  async function decide(
    actor: Actor,
    id: string,
    need: repo.RequestRow['status'][],
    who: 'decider' | 'consumer',
    step: (
      a: SignedInActor,
      row: repo.RequestRow,
      trx: Db,
      ctx: { ds: Dataset; nextDeadline: string },
    ) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<ShareRequest> {
    const a = requireOfficer(actor);
    const seen = await visible(a, id);
    // Read before the transaction: no query may run outside it while it holds the connection (ADR 0002).
    const ctx = {
      ds: await findShared(deps.findDataset, seen.dataset_code),
      nextDeadline: await deadlineFrom(today(), seen.share_type),
    };
    await db.transaction().execute(async (trx) => {
      const row = (await repo.lockRequest(trx, id)) as repo.RequestRow;
      if (!need.includes(row.status))
        throw new AppError('wrong_status', { status: row.status, need: need.join(' | ') });
      if (who === 'consumer' && a.orgId !== row.consumer_org_id)
        throw new AppError('forbidden', { need: 'consumer' });
      if (who === 'decider' && !decides(a, row, row.status === 'pending' && today() > row.deadline))
        throw new AppError('sharing_not_decider', {
          approver: row.share_type === 'conditional' ? row.dataset_name : 'platform',
        });
      const { action, details } = await step(a, row, trx, ctx);
      await ledger.record(
        { actor: a, action, result: 'ok', dataset: row.dataset_code, details: { request: id, ...details } },
        trx,
      );
    });
    return views.request((await repo.findRequest(db, id)) as repo.RequestRow, today());
  }

  const message = (a: SignedInActor, kind: Message['kind'], text: string): Message => ({
    at: (deps.now?.() ?? new Date()).toISOString(),
    byName: a.name,
    kind,
    text,
  });

  return {
    /** The caller organisation's active apps, to name in a request. */
    async apps(actor: Actor) {
      const a = requireOfficer(actor);
      return { items: await deps.apps.listOrgApps(a.orgId) };
    },

    /** What the request form needs about a shared dataset. */
    async shareable(actor: Actor, code: string): Promise<ShareableDataset> {
      requireOfficer(actor);
      const ds = await findShared(deps.findDataset, code);
      const conditional = ds.shareType === 'conditional';
      return {
        code: ds.code,
        name: ds.name,
        description: ds.description,
        ownerOrgId: ds.ownerOrgId,
        ownerOrgName: ds.ownerOrgName,
        shareType: ds.shareType,
        level: ds.level,
        approver: conditional ? 'owner' : 'platform',
        decisionDays: conditional ? deps.ownerDays : deps.platformDays,
        keyFields: ds.fields.filter((f) => f.key).map((f) => f.name),
        fields: ds.fields.map((f) => ({
          name: f.name,
          title: f.title,
          type: f.type,
          sensitivity: f.sensitivity,
          masked: f.sensitivity !== 'none',
        })),
      };
    },

    async create(actor: Actor, body: ShareRequestBody): Promise<ShareRequest> {
      const a = requireOfficer(actor);
      const ds = await findShared(deps.findDataset, body.datasetCode);
      if (ds.ownerOrgId === a.orgId) throw new AppError('sharing_own_dataset', { code: ds.code });
      const app = await deps.apps.findApp(body.clientId);
      if (!app || app.orgId !== a.orgId || app.status !== 'active')
        throw new AppError('sharing_app_invalid', { app: body.clientId });
      const day = today();
      checkPeriod(body.periodStart, body.periodEnd, day);
      const fields = resolveFields(ds, body.fields);
      const area = checkArea(ds, body.areaField, body.areaCode);
      const id = newId();
      const deadline = await deadlineFrom(day, ds.shareType);
      await db.transaction().execute(async (trx) => {
        if (await repo.hasOpenRequest(trx, app.id, ds.id))
          throw new AppError('sharing_pending_exists', { app: app.name, code: ds.code });
        await repo.insertRequest(trx, {
          id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          dataset_name: ds.name,
          share_type: ds.shareType as 'conditional' | 'unconditional',
          owner_org_id: ds.ownerOrgId,
          consumer_org_id: a.orgId,
          client_id: app.id,
          fields,
          purpose: body.purpose,
          legal_basis: body.legalBasis,
          consent_required: body.consentRequired,
          period_start: body.periodStart,
          period_end: body.periodEnd,
          daily_quota: body.dailyQuota,
          ...area,
          submitted_by: a.id,
          submitted_by_name: a.name,
          deadline,
        });
        await ledger.record(
          {
            actor: a,
            action: 'sharing.request',
            result: 'ok',
            purpose: body.purpose,
            dataset: ds.code,
            fields: fields.map((f) => f.name),
            details: { request: id, app: app.clientId, legalBasis: body.legalBasis, quota: body.dailyQuota },
          },
          trx,
        );
      });
      return views.request((await repo.findRequest(db, id)) as repo.RequestRow, day);
    },

    async list(actor: Actor, q: { side: ShareSide; status?: string; overdue?: 'true' | 'false' }) {
      const a = requireOfficer(actor);
      if (q.side === 'platform' && !isPlatform(a))
        throw new AppError('forbidden', { need: 'platform_admin' });
      const day = today();
      const rows = await repo.listRequests(db, {
        consumerOrgId: q.side === 'consumer' ? a.orgId : undefined,
        ownerOrgId: q.side === 'owner' ? a.orgId : undefined,
        status: q.status,
        overdueOn: q.overdue ? { value: q.overdue === 'true', today: day } : undefined,
      });
      return { items: await views.requests(rows, day) };
    },

    async get(actor: Actor, id: string): Promise<ShareRequest> {
      return views.request(await visible(requireOfficer(actor), id), today());
    },

    approve(actor: Actor, id: string, body: ShareApproveBody) {
      return decide(actor, id, ['pending'], 'decider', async (a, row, trx, { ds }) => {
        const area = checkArea(
          ds,
          body.areaField ?? row.area_field ?? undefined,
          body.areaCode ?? row.area_code ?? undefined,
        );
        checkApproval(
          {
            fields: row.fields,
            start: row.period_start,
            end: row.period_end,
            quota: row.daily_quota,
            areaField: row.area_field,
            areaCode: row.area_code,
          },
          {
            fields: body.fields,
            start: body.periodStart,
            end: body.periodEnd,
            quota: body.dailyQuota,
            areaField: area.area_field,
            areaCode: area.area_code,
          },
          today(),
        );
        const fields = resolveFields(ds, body.fields).map((f) => f.name);
        const grantId = newId();
        await repo.insertGrant(trx, {
          id: grantId,
          request_id: row.id,
          dataset_id: row.dataset_id,
          dataset_code: row.dataset_code,
          dataset_name: row.dataset_name,
          owner_org_id: row.owner_org_id,
          consumer_org_id: row.consumer_org_id,
          client_id: row.client_id,
          fields,
          purpose: row.purpose,
          consent_required: row.consent_required,
          period_start: body.periodStart,
          period_end: body.periodEnd,
          daily_quota: body.dailyQuota,
          ...area,
        });
        await repo.updateRequest(trx, row.id, {
          status: 'approved',
          decided_at: new Date(),
          decided_by_name: a.name,
          decision_note: body.note || null,
          grant_id: grantId,
        });
        return {
          action: 'sharing.approve',
          details: {
            grant: grantId,
            fields,
            start: body.periodStart,
            end: body.periodEnd,
            quota: body.dailyQuota,
            ...area,
          },
        };
      });
    },

    reject(actor: Actor, id: string, reason: string) {
      return decide(actor, id, ['pending', 'more_info'], 'decider', async (a, row, trx) => {
        await repo.updateRequest(trx, row.id, {
          status: 'rejected',
          decided_at: new Date(),
          decided_by_name: a.name,
          decision_note: reason,
        });
        return { action: 'sharing.reject', details: { reason } };
      });
    },

    /** The decider asks the consumer for more; the deadline stops until the answer. */
    ask(actor: Actor, id: string, question: string) {
      return decide(actor, id, ['pending'], 'decider', async (a, row, trx) => {
        await repo.updateRequest(trx, row.id, {
          status: 'more_info',
          messages: [...row.messages, message(a, 'ask', question)],
        });
        return { action: 'sharing.ask', details: { question } };
      });
    },

    /** The consumer answers; the request is pending again with a new deadline from today. */
    answer(actor: Actor, id: string, answer: string) {
      return decide(actor, id, ['more_info'], 'consumer', async (a, row, trx, { nextDeadline }) => {
        await repo.updateRequest(trx, row.id, {
          status: 'pending',
          deadline: nextDeadline,
          messages: [...row.messages, message(a, 'answer', answer)],
        });
        return { action: 'sharing.answer', details: {} };
      });
    },

    withdraw(actor: Actor, id: string) {
      return decide(actor, id, ['pending', 'more_info'], 'consumer', async (a, row, trx) => {
        await repo.updateRequest(trx, row.id, {
          status: 'withdrawn',
          decided_at: new Date(),
          decided_by_name: a.name,
        });
        return { action: 'sharing.withdraw', details: {} };
      });
    },
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
