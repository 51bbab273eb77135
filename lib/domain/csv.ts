/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), safe to open in a spreadsheet: a text cell starting with = + - @
 * or a tab/carriage return would run as a formula, so it gets a leading apostrophe, which
 * spreadsheets show as plain text. Numbers are written as numbers.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, header first; add a UTF-8 byte order mark when serving it for spreadsheets. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
