// The open-data CSV: UTF-8 with BOM (so Japanese Excel opens it without mojibake), CRLF line
// ends and quoting per RFC 4180, one header row of Japanese column names (docs/open-data-csv.md).
import { stringify } from "csv-stringify/sync";
import {
  OPEN_DATA_COLUMNS,
  type OpenDataInput,
  type OpenDataOptions,
  openDataRecords,
} from "./open-data.ts";

export {
  assessedStatus,
  OPEN_DATA_COLUMNS,
  type OpenDataInput,
  type OpenDataOptions,
  type OpenDataRecord,
  openDataRecords,
  type StatusOf,
  TARGET_STATUS_WORDS,
  type TargetStatus,
} from "./open-data.ts";

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

export function openDataCsv(rows: readonly OpenDataInput[], options: OpenDataOptions = {}): string {
  const records = openDataRecords(rows, options).map((r) =>
    OPEN_DATA_COLUMNS.map(({ key }) => {
      const v = r[key];
      return typeof v === "number" ? plainNumber(v) : (v ?? "");
    }),
  );
  return stringify([OPEN_DATA_COLUMNS.map((c) => c.name), ...records], {
    bom: true,
    record_delimiter: "\r\n",
    // RFC 4180 allows a line break only inside quotes; quote every field that has one.
    quoted_match: /[\r\n]/,
  });
}
