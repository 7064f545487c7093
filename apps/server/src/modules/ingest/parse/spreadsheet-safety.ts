// OWASP "CSV Injection": a cell starting with one of these is run as a formula by Excel,
// LibreOffice or WPS when the exported file is opened.
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Makes a value safe to put in an exported CSV/XLSX cell by prefixing `'` when it starts with a
 * formula trigger, as OWASP advises. The prefix applies to every text value, including `-12.5`
 * or `+8613800000000`: in a text column a spreadsheet would otherwise turn them into numbers
 * anyway (losing the `+` and leading zeros), and an attacker's `-1+cmd|…` also starts with a
 * digit-like character. Only a column declared numeric keeps plain numbers unchanged, because
 * there the value was produced by the platform's own coercion and is a number, not text.
 */
export function neutralise(value: string, opts: { numeric?: boolean } = {}): string {
  if (value === '' || !TRIGGERS.has(value[0]!)) return value;
  if (opts.numeric && PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** `neutralise` over a row, with the indexes of numeric columns. */
export function neutraliseRow(
  values: readonly string[],
  numericColumns: ReadonlySet<number> = new Set(),
): string[] {
  return values.map((v, i) => neutralise(v, { numeric: numericColumns.has(i) }));
}
