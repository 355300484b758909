/** A cell of an export: text, a number, or empty. */
export type Cellule = string | number | null;

/**
 * One cell of a CSV file for French Excel (`;` separator): RFC 4180 quoting, and formula injection neutralised — a
 * text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it
 * instead of evaluating it (a candidate named "=HYPERLINK(…)" stays a name).
 */
export function celluleCsv(value: Cellule): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const texte = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

/** One line of the file, CRLF-terminated as RFC 4180 says. */
export function ligneCsv(cells: Cellule[]): string {
  return `${cells.map(celluleCsv).join(';')}\r\n`;
}

/** Starts the file: Excel reads UTF-8 only after a byte order mark. */
export const BOM = '\uFEFF';
