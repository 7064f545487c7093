import type { Dataset } from '@shuzhi/contracts';
import { type Actor, requireRole, type SignedInActor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkNarrowing, checkPeriod as checkPeriodOf } from '../../../platform/periods.ts';
import type { FieldRef } from './access.tables.ts';

const periodError = (zh: string, en: string) =>
  new AppError('open_access_period_invalid', { reason_zh: zh, reason_en: en });

/** A period asked for: from today on, the end not before the start, at most a year. */
export const checkPeriod = (start: string, end: string, today: string) =>
  checkPeriodOf(start, end, today, periodError);

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
export const checkApproval = (
  asked: { fields: FieldRef[]; start: string; end: string },
  given: { fields: string[]; start: string; end: string },
  today: string,
) => checkNarrowing(asked, given, today, { wider, invalid: periodError });

/** Who decides applications: data officers, for their organisation's datasets, and the platform admin. */
export function assertDecider(actor: Actor): SignedInActor {
  return requireRole(actor, 'data_officer', 'platform_admin');
}

/** Whether the decider sees an application of this owner: the platform admin sees every one. */
export const seesOwner = (a: SignedInActor, ownerOrgId: string) =>
  a.roles.includes('platform_admin') || a.orgId === ownerOrgId;
