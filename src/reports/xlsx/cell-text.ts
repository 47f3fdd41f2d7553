// Moving text in and out of .xlsx cells without losing a character.
//
// SpreadsheetML stores strings in XML, which cannot hold most control characters and turns
// a carriage return into a line feed. Excel's own answer is the `_xHHHH_` escape (ST_Xstring):
// it writes such characters as `_x000D_` and a literal `_x0041_` as `_x005F_x0041_`, and reads
// them back. exceljs decodes `_xHHHH_` (upper-case hex) on read but never encodes on write, so
// every string we put in a cell goes through `toCellText` first.
import type { CellValue } from "exceljs";

/** Characters XML 1.0 cannot carry, plus CR (XML parsers turn it into LF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;
/** A literal that Excel or exceljs would otherwise decode as an escape. */
const LOOKS_LIKE_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");

export function toCellText(s: string): string {
  return s.replace(LOOKS_LIKE_ESCAPE, "_x005F_").replace(NEEDS_ESCAPE, (c) => `_x${hex4(c)}_`);
}

/** What a cell holds, as the importer sees it: text, a number, or nothing. */
export type CellScalar = string | number | undefined;

/**
 * Reads whatever a person may have left in a cell: plain values, rich text, hyperlinks
 * (Excel turns typed e-mail addresses into links), formula results, dates (Excel turns
 * `2023-10-01` into a date). Empty text counts as an empty cell.
 */
export function readCell(value: CellValue): CellScalar {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDay(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) {
      return readCell(value.richText.map((r) => r.text).join(""));
    }
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result instanceof Date) return isoDay(result);
      if (typeof result === "string" || typeof result === "number") return readCell(result);
      return undefined;
    }
    if ("text" in value) {
      const t = (value as { text?: unknown }).text;
      if (typeof t === "string") return readCell(t);
      if (t && typeof t === "object") return readCell(t as CellValue);
    }
    if ("error" in value) return undefined;
  }
  return undefined;
}

/** Excel dates carry no zone; exceljs gives them as UTC midnight of the day shown. */
function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** A cell as text, for fields that are text (a number typed into a text column is kept as typed). */
export function asText(v: CellScalar): string | undefined {
  return v === undefined ? undefined : String(v);
}
