/**
 * A number as a plain decimal string, never in exponent form (`1e21` → `1000000000000000000000`),
 * because downstream coercion and PostgreSQL `numeric` must see the digits a person would type.
 * `significantDigits` rounds first; spreadsheets keep 15, and showing more only exposes binary
 * noise (`0.30000000000000004`) the user never saw in Excel.
 */
export function plainNumber(n: number, significantDigits?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const value = significantDigits ? Number(n.toPrecision(significantDigits)) : n;
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point within `digits` once the exponent is applied.
  const point = (dot === -1 ? mantissa.length : dot) + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}
