// Sheet 2 「達成目標一覧」: the machine-readable table (one header row, one row per target, no
// merged cells), the same columns as the open-data CSV.
import type ExcelJS from "exceljs";
import {
  OPEN_DATA_COLUMNS,
  type OpenDataInput,
  type OpenDataOptions,
  openDataRecords,
} from "../csv/open-data.ts";
import { BORDER, FONT, HEADER_FILL } from "./style.ts";
import { setCell } from "./template-write.ts";
import { SHEETS } from "./vocabulary.ts";

const WIDE = new Set(["mission", "goal", "target", "result_text", "reason"]);

export function writeListSheet(
  wb: ExcelJS.Workbook,
  input: OpenDataInput,
  options: OpenDataOptions,
): void {
  const ws = wb.addWorksheet(SHEETS.list, { views: [{ state: "frozen", ySplit: 1 }] });
  OPEN_DATA_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = WIDE.has(c.key) ? 40 : Math.max(10, c.name.length * 2 + 2);
    const cell = ws.getCell(1, i + 1);
    setCell(cell, c.name);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.note = c.key;
  });
  openDataRecords([input], options).forEach((record, r) => {
    OPEN_DATA_COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r + 2, i + 1);
      setCell(cell, record[c.key]);
      cell.font = FONT;
      cell.alignment = { vertical: "top", wrapText: WIDE.has(c.key) };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: OPEN_DATA_COLUMNS.length } };
}
