// The open-data CSV: UTF-8 with BOM (so Japanese Excel opens it without mojibake), CRLF line
// ends and quoting per RFC 4180, one header row of Japanese column names (docs/open-data-csv.md),
// cells that cannot start a formula (safe-csv.ts).
import {
  OPEN_DATA_COLUMNS,
  type OpenDataInput,
  type OpenDataOptions,
  openDataRecords,
} from "./open-data.ts";
import { safeCsv } from "./safe-csv.ts";

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

export { plainNumber } from "./safe-csv.ts";

export function openDataCsv(rows: readonly OpenDataInput[], options: OpenDataOptions = {}): string {
  const records = openDataRecords(rows, options).map((r) =>
    OPEN_DATA_COLUMNS.map(({ key }) => r[key]),
  );
  return safeCsv([OPEN_DATA_COLUMNS.map((c) => c.name), ...records]);
}
