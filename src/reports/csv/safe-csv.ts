// Every CSV Tassei writes goes through here: UTF-8 with BOM (Japanese Excel opens it without
// mojibake), CRLF record ends, RFC 4180 quoting — and cells that a spreadsheet cannot turn
// into a formula or a command (OWASP "CSV injection"), without control characters.
//
// A text cell whose first character is = + - @ (or their full-width forms, which some
// spreadsheets accept as the start of a formula too), or whose cleaned text would start with
// a tab or CR, gets a leading apostrophe ' — spreadsheets show the rest as text, and a program
// reading the file sees the apostrophe and knows why. Numbers are written as numbers: a
// negative number stays -5, not '-5. Control characters (C0 except the line feed and CR LF
// pairs, DEL, C1) are removed; a tab becomes a space so that words do not run together.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

/**
 * A number as people and programs read it: no exponent, no thousands separator, no "-0".
 * `String` is exact for doubles but switches to exponents below 1e-6 and from 1e21.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (n === 0) return "0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, first, rest = "", exp] = m;
  const digits = `${first}${rest}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /\r(?!\n)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Starts a formula in Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@＝＋－＠\t\r]/;

/** A text cell made safe to open in a spreadsheet (see the comment at the top). */
export function safeText(text: string): string {
  const cleaned = text.replace(/\t/g, " ").replace(CONTROL, "");
  return FORMULA_START.test(text) || FORMULA_START.test(cleaned) ? `'${cleaned}` : cleaned;
}

export function safeCell(v: CsvCell): string {
  if (typeof v === "number") return plainNumber(v);
  return v === null || v === undefined ? "" : safeText(v);
}

/** Rows of cells (the first row the header) as the CSV file's text. */
export function safeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((r) => r.map(safeCell)),
    {
      bom: true,
      record_delimiter: "\r\n",
      // RFC 4180 allows a line break only inside quotes; quote every field that has one.
      quoted_match: /[\r\n]/,
    },
  );
}
