import type { ParseKeys, TFunction } from 'i18next';

export type LedgerResult = 'ok' | 'denied' | 'failed';

/** The fields of an entry body (v1) the table shows; the server sends it as an open record. */
export type LedgerBody = {
  time?: string;
  actor?: { kind?: string; name?: string; orgName?: string };
  action?: string;
  result?: LedgerResult;
  purpose?: string;
  dataset?: string;
};

export const asBody = (entry: Record<string, unknown>): LedgerBody => entry as LedgerBody;

export const resultColors: Record<LedgerResult, string> = {
  ok: 'green',
  denied: 'red',
  failed: 'orange',
};

export const isResult = (value: unknown): value is LedgerResult =>
  value === 'ok' || value === 'denied' || value === 'failed';

/** The localised label of a known action; an unknown one is shown as recorded. */
export const actionLabel = (t: TFunction, action: string): string =>
  t(`ledger.actions.${action.replace(/[.:/]/g, '_')}` as ParseKeys, { defaultValue: action }) as string;

/** "name / org name", or the word for anonymous. */
export const actorLabel = (t: TFunction, actor: LedgerBody['actor']): string => {
  if (!actor || actor.kind === 'anonymous') return t('ledger.anonymous');
  return [actor.name, actor.orgName].filter(Boolean).join(' / ') || (actor.kind ?? '—');
};
