/**
 * Cells that start with = + - @ (or a tab or carriage return) are formulas to a spreadsheet:
 * exported text gets a leading apostrophe so opening an export never runs anything (OWASP).
 */
export const neutralise = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
