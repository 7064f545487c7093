/**
 * Folds full-width forms (１２３，Ｙ，（）) to ASCII and trims every kind of space, because
 * Chinese input methods produce them in cells that are meant as plain numbers and codes.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}
