import type { Dataset } from '@shuzhi/contracts';
import { type Actor, requireRole, type SignedInActor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldRef } from './access.tables.ts';

/** The longest period one application may ask for: a year, renewed by a new application. */
export const MAX_PERIOD_DAYS = 366;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

const periodError = (zh: string, en: string) =>
  new AppError('open_access_period_invalid', { reason_zh: zh, reason_en: en });

/** A period asked for: from today on, the end not before the start, at most a year. */
export function checkPeriod(start: string, end: string, today: string): void {
  if (start < today)
    throw periodError(`开始日期 ${start} 早于今天 ${today}`, `the start ${start} is before today ${today}`);
  if (end < start)
    throw periodError(`结束日期 ${end} 早于开始日期 ${start}`, `the end ${end} is before the start ${start}`);
  if (dayNumber(end) - dayNumber(start) + 1 > MAX_PERIOD_DAYS)
    throw periodError(
      `期限不能超过 ${MAX_PERIOD_DAYS} 天，期满后可再次申请`,
      `at most ${MAX_PERIOD_DAYS} days; apply again when it ends`,
    );
}

/** Fields graded high (L4) are never opened, whatever an application says. */
export const isClosedField = (f: Dataset['fields'][number]) => f.sensitivity === 'high';

/** The dataset's fields for the names asked for, refusing unknown and closed ones. */
export function resolveFields(ds: Dataset, names: string[]): FieldRef[] {
  const byName = new Map(ds.fields.map((f) => [f.name, f]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0)
    throw new AppError('open_access_field_unknown', { code: ds.code, fields: unknown.join(', ') });
  const closed = names.filter((n) => isClosedField(byName.get(n) as Dataset['fields'][number]));
  if (closed.length > 0) throw new AppError('open_access_field_closed', { fields: closed.join(', ') });
  // The dataset's order, not the order of the request.
  return ds.fields.filter((f) => names.includes(f.name)).map((f) => ({ name: f.name, title: f.title }));
}

const wider = (zh: string, en: string) =>
  new AppError('open_access_approve_wider', { reason_zh: zh, reason_en: en });

/** An approval may narrow an application (fewer fields, a shorter period), never widen it. */
export function checkApproval(
  asked: { fields: FieldRef[]; start: string; end: string },
  given: { fields: string[]; start: string; end: string },
  today: string,
): void {
  const extra = given.fields.filter((f) => !asked.fields.some((a) => a.name === f));
  if (extra.length > 0)
    throw wider(`未申请的字段：${extra.join(', ')}`, `fields not asked for: ${extra.join(', ')}`);
  if (given.start < asked.start || given.end > asked.end)
    throw wider(
      `期限须在 ${asked.start} 至 ${asked.end} 之内`,
      `the period must lie within ${asked.start} to ${asked.end}`,
    );
  if (given.end < given.start)
    throw periodError(
      `结束日期 ${given.end} 早于开始日期 ${given.start}`,
      `the end ${given.end} is before the start ${given.start}`,
    );
  if (given.end < today)
    throw periodError(`期限已于 ${given.end} 结束`, `the period already ended on ${given.end}`);
}

/** Who decides applications: data officers, for their organisation's datasets, and the platform admin. */
export function assertDecider(actor: Actor): SignedInActor {
  return requireRole(actor, 'data_officer', 'platform_admin');
}

/** Whether the decider sees an application of this owner: the platform admin sees every one. */
export const seesOwner = (a: SignedInActor, ownerOrgId: string) =>
  a.roles.includes('platform_admin') || a.orgId === ownerOrgId;
