import { currentLocale } from '../../app/i18n';

/** Counts with the locale's grouping (12,345 / 12,345). */
export const formatCount = (n: number): string => new Intl.NumberFormat(currentLocale()).format(n);

/** A statistic as people read it: integers grouped, decimals to at most 4 significant places. */
export const formatNumber = (n: number | null | undefined): string => {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(currentLocale(), {
    maximumFractionDigits: Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 1 : 4,
  }).format(n);
};

/** Large figures on the home page: 1.2万 / 12.3K beyond ten thousand. */
export const formatCompact = (n: number): string =>
  n < 10_000
    ? formatCount(n)
    : new Intl.NumberFormat(currentLocale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
