import type { ParseKeys, TFunction } from 'i18next';

const keyOf = (code: string) => code.replace(/[.:/-]/g, '_');

/** The readable name of a ledger action (sharing.call → 共享接口调用); an unknown one is shown as recorded. */
export const accessActionLabel = (t: TFunction, action: string): string =>
  t(`myData.accesses.actions.${keyOf(action)}` as ParseKeys, { defaultValue: action }) as string;

/** The kind of actor, in words (应用, 工作人员…); an unknown kind is shown as recorded. */
export const actorKindLabel = (t: TFunction, kind: string): string =>
  t(`myData.accesses.actors.${keyOf(kind)}` as ParseKeys, { defaultValue: kind }) as string;

/** Monospace, wrapping anywhere: hashes and keys. */
export const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

/** A record value for display: null as a dash, objects as JSON. */
export const displayValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};
