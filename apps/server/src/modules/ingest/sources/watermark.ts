/**
 * Watermarks are kept as text. API values compare as numbers when both sides are numbers, as
 * instants when both are dates or times (ISO 8601 or `2024-01-02 03:04:05`), otherwise as text.
 */
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** A JSON value as watermark text. */
export const watermarkText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

const instant = (s: string): number => {
  // A time without a zone reads at the platform's default offset, +08:00, as imports do.
  let iso = s.replace(' ', 'T');
  if (!iso.includes('T')) iso += 'T00:00:00';
  if (!/(Z|[+-]\d{2}(:?\d{2})?)$/.test(iso)) iso += '+08:00';
  return Date.parse(iso.replace(/([+-]\d{2}):?(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00'));
};

/** Negative, zero or positive as `value` is below, equal to or above the watermark text. */
export function compareWatermark(value: unknown, watermark: string): number {
  const a = watermarkText(value).trim();
  const b = watermark.trim();
  if (INTEGER.test(a) && INTEGER.test(b)) {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  if (NUMBER.test(a) && NUMBER.test(b)) return Math.sign(Number(a) - Number(b));
  if (DATE_LIKE.test(a) && DATE_LIKE.test(b)) {
    const x = instant(a);
    const y = instant(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.sign(x - y);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
