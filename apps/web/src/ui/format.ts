import { currentLocale } from '../app/i18n';

/** Local date and time in the user's language; empty input gives the fallback. */
export const formatDateTime = (iso: string | null | undefined, fallback = '—'): string => {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};
