import type { Dataset } from '@shuzhi/contracts';
import { requireRole, type SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { checkNarrowing, checkPeriod as checkPeriodOf } from '../../platform/periods.ts';
import type { FieldRef } from './sharing.tables.ts';

const periodError = (zh: string, en: string) =>
  new AppError('sharing_period_invalid', { reason_zh: zh, reason_en: en });
const areaError = (zh: string, en: string) =>
  new AppError('sharing_area_invalid', { reason_zh: zh, reason_en: en });

/** A period asked for: from today on, the end not before the start, at most a year. */
export const checkPeriod = (start: string, end: string, today: string) =>
  checkPeriodOf(start, end, today, periodError);

/** The dataset's fields for the names asked for, in the dataset's order; unknown names are refused. */
export function resolveFields(ds: Dataset, names: string[]): FieldRef[] {
  const unknown = names.filter((n) => !ds.fields.some((f) => f.name === n));
  if (unknown.length > 0)
    throw new AppError('sharing_field_unknown', { code: ds.code, fields: unknown.join(', ') });
  return ds.fields.filter((f) => names.includes(f.name)).map((f) => ({ name: f.name, title: f.title }));
}

/** An area restriction: both parts or neither, on a text field of the dataset. */
export function checkArea(ds: Dataset, field: string | undefined, code: string | undefined) {
  if (field === undefined && code === undefined) return { area_field: null, area_code: null };
  if (field === undefined || code === undefined)
    throw areaError('须同时给出区域字段和区域代码', 'give both the area field and the area code');
  const f = ds.fields.find((x) => x.name === field);
  if (!f) throw areaError(`数据集没有字段 ${field}`, `the dataset has no field "${field}"`);
  if (f.type !== 'string')
    throw areaError(
      `字段 ${field} 不是文本，不能存放区划代码`,
      `"${field}" is not text and cannot hold area codes`,
    );
  return { area_field: field, area_code: code };
}

const wider = (zh: string, en: string) =>
  new AppError('sharing_approve_wider', { reason_zh: zh, reason_en: en });

/** An approval may narrow a request (fewer fields, a shorter period, a lower quota, a smaller area). */
export function checkApproval(
  asked: {
    fields: FieldRef[];
    start: string;
    end: string;
    quota: number;
    areaField: string | null;
    areaCode: string | null;
  },
  given: {
    fields: string[];
    start: string;
    end: string;
    quota: number;
    areaField: string | null;
    areaCode: string | null;
  },
  today: string,
): void {
  checkNarrowing(asked, given, today, { wider, invalid: periodError });
  if (given.quota > asked.quota)
    throw wider(
      `每日配额不能超过申请的 ${asked.quota} 次`,
      `the daily quota cannot exceed the ${asked.quota} asked`,
    );
  if (asked.areaCode !== null) {
    const inside = given.areaField === asked.areaField && given.areaCode?.startsWith(asked.areaCode);
    if (!inside)
      throw wider(
        `区域须在申请的 ${asked.areaField}=${asked.areaCode} 之内`,
        `the area must lie within the requested ${asked.areaField}=${asked.areaCode}`,
      );
  }
}

/** Who requests and decides for an organisation: its data officers and approvers. */
export const requireOfficer = (actor: Parameters<typeof requireRole>[0]): SignedInActor =>
  requireRole(actor, 'data_officer', 'approver', 'platform_admin');

export const isPlatform = (a: SignedInActor) => a.roles.includes('platform_admin');

/**
 * Whether the actor decides a request: the owner's officers decide conditionally shared datasets, the
 * platform unconditionally shared ones and, once overdue (escalated), any.
 */
export function decides(a: SignedInActor, r: { share_type: string; owner_org_id: string }, overdue: boolean) {
  if (isPlatform(a)) return r.share_type === 'unconditional' || overdue;
  return r.share_type === 'conditional' && a.orgId === r.owner_org_id;
}
