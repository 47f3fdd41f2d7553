// Writes the entry sheets (基本情報, 目標, 達成目標, 中間報告, 評価尺度) and the hidden marker
// sheet: the part of a workbook that can be filled in by a department and imported again.
import type ExcelJS from "exceljs";
import type { EvaluationScale, Goal, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { type CellScalar, toCellText } from "./cell-text.ts";
import type { Field } from "./fields.ts";
import { encodeOverrides, renderRow } from "./overrides.ts";
import { BORDER, FONT, HEADER_FILL } from "./style.ts";
import {
  type Column,
  EXACT_COLUMN,
  GOAL_COLUMNS,
  goalFields,
  HEADER_ROWS,
  headerFields,
} from "./template-layout.ts";
import {
  PROGRESS_COLUMNS,
  progressFields,
  TARGET_COLUMNS,
  targetFields,
} from "./template-layout-rows.ts";
import { listFormula, MEANING_WORDS, SHEETS, TEMPLATE_MARK } from "./vocabulary.ts";

/** Rows below the data that still get drop-downs, so a department can add goals and targets. */
const SPARE_ROWS = 200;

export const SCALE_INCLUDED = "はい";
export const SCALE_REFERENCE = "いいえ（参考）";

/** exceljs has `worksheet.dataValidations` (ranges squeezed on write) but its typings omit it. */
function validations(ws: ExcelJS.Worksheet): {
  add(range: string, v: ExcelJS.DataValidation): void;
} {
  return (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

export function setCell(cell: ExcelJS.Cell, value: CellScalar): void {
  cell.value = typeof value === "string" ? toCellText(value) : (value ?? null);
}

export function writeTemplateSheets(
  wb: ExcelJS.Workbook,
  doc: ManifestoDocument | undefined,
  scale: EvaluationScale,
): void {
  const headerExact = writeHeaderSheet(wb, doc);
  const levels = (doc?.evaluationScale ?? scale).levels.map((l) => String(l.level));
  const goals = doc?.goals ?? [];
  writeRowSheet(wb, SHEETS.goals, GOAL_COLUMNS, levels, goals, (g) => goalRow(g));
  writeRowSheet(
    wb,
    SHEETS.targets,
    TARGET_COLUMNS,
    levels,
    goals.flatMap((g) => (g.targets ?? []).map((t) => ({ goal: g.number, t }))),
    ({ goal, t }) => locatedRow(goal, t, targetFields),
  );
  writeRowSheet(
    wb,
    SHEETS.progress,
    PROGRESS_COLUMNS,
    levels,
    goals.flatMap((g) => (g.progress ?? []).map((p) => ({ goal: g.number, p }))),
    ({ goal, p }) => locatedRow(goal, p, progressFields),
  );
  writeScaleSheet(wb, doc?.evaluationScale ?? scale, doc?.evaluationScale !== undefined);
  const marker = wb.addWorksheet(SHEETS.marker, { state: "hidden" });
  setCell(marker.getCell("A1"), TEMPLATE_MARK);
  setCell(marker.getCell("A2"), "header-exact");
  setCell(marker.getCell("B2"), headerExact);
}

type Row = { cells: Map<string, CellScalar>; exact: string | undefined };

function goalRow(goal: Goal): Row {
  const { cells, exact } = renderRow(goal, goalFields);
  // An empty list and no list both leave no rows on the other sheets.
  if (goal.targets?.length === 0) exact.targets = [];
  if (goal.progress?.length === 0) exact.progress = [];
  return { cells, exact: encodeOverrides(exact) };
}

function locatedRow<O>(goal: number, obj: O, fields: readonly Field<O>[]): Row {
  const { cells, exact } = renderRow(obj, fields);
  cells.set("goal", goal);
  return { cells, exact: encodeOverrides(exact) };
}

function styleHeader(cell: ExcelJS.Cell, help: string): void {
  cell.font = { ...FONT, bold: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  cell.note = help;
}

function writeRowSheet<T>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  levels: readonly string[],
  items: readonly T[],
  toRow: (item: T) => Row,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const all = [...columns, EXACT_COLUMN];
  all.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    styleHeader(ws.getCell(1, i + 1), c.help);
    setCell(ws.getCell(1, i + 1), c.header);
  });
  ws.getColumn(all.length).hidden = true;
  items.forEach((item, r) => {
    const row = toRow(item);
    columns.forEach((c, i) => {
      const cell = ws.getCell(r + 2, i + 1);
      setCell(cell, row.cells.get(c.key));
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    setCell(ws.getCell(r + 2, all.length), row.exact);
  });
  const last = items.length + 1 + SPARE_ROWS;
  columns.forEach((c, i) => {
    if (!c.list) return;
    const words = c.list === "levels" ? levels : c.list;
    const letter = ws.getColumn(i + 1).letter;
    validations(ws).add(`${letter}2:${letter}${last}`, {
      type: "list",
      allowBlank: true,
      formulae: [listFormula(words)],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: c.header,
      error: `一覧から選んでください: ${words.join("、")}`,
    });
  });
}

function writeHeaderSheet(
  wb: ExcelJS.Workbook,
  doc: ManifestoDocument | undefined,
): string | undefined {
  const ws = wb.addWorksheet(SHEETS.header);
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 44;
  ["項目", "値", "説明"].forEach((h, i) => {
    styleHeader(ws.getCell(1, i + 1), "値の列（B列）に入力してください。");
    setCell(ws.getCell(1, i + 1), h);
  });
  const rendered = doc ? renderRow(doc, headerFields) : undefined;
  HEADER_ROWS.forEach((r, i) => {
    const label = ws.getCell(i + 2, 1);
    setCell(label, r.header);
    label.font = { ...FONT, bold: true };
    const value = ws.getCell(i + 2, 2);
    // Text format keeps a code such as 011002 from losing its leading zero when typed.
    if (!r.numeric) value.numFmt = "@";
    setCell(value, rendered?.cells.get(r.key));
    setCell(ws.getCell(i + 2, 3), r.help);
    for (let c = 1; c <= 3; c++) {
      const cell = ws.getCell(i + 2, c);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (c > 1) cell.font = FONT;
    }
  });
  return rendered ? encodeOverrides(rendered.exact) : undefined;
}

function writeScaleSheet(wb: ExcelJS.Workbook, scale: EvaluationScale, included: boolean): void {
  const ws = wb.addWorksheet(SHEETS.scale);
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 44;
  ws.getColumn(3).width = 18;
  const labels: [string, CellScalar, string][] = [
    ["尺度名", scale.name, "自己評価の尺度の名前。例: 業績目標の達成状況"],
    [
      "文書に含める",
      included ? SCALE_INCLUDED : SCALE_REFERENCE,
      "「はい」: この尺度を文書に記録します。「いいえ」: 市の設定の尺度を使います（表示は参考）。",
    ],
  ];
  labels.forEach(([label, value, help], i) => {
    const cell = ws.getCell(i + 1, 1);
    setCell(cell, label);
    styleHeader(cell, help);
    setCell(ws.getCell(i + 1, 2), value);
    ws.getCell(i + 1, 2).font = FONT;
    ws.getCell(i + 1, 2).border = BORDER;
  });
  validations(ws).add("B2", {
    type: "list",
    allowBlank: false,
    formulae: [listFormula([SCALE_INCLUDED, SCALE_REFERENCE])],
  });
  const heads: [string, string][] = [
    ["段階", "数値。大きいほど良い評価。"],
    ["区分名", "印刷される言葉。例: 業績目標を達成した"],
    ["意味", "自動点検で使う意味（任意）。"],
  ];
  heads.forEach(([h, help], i) => {
    setCell(ws.getCell(4, i + 1), h);
    styleHeader(ws.getCell(4, i + 1), help);
  });
  scale.levels.forEach((l, i) => {
    const row = 5 + i;
    setCell(ws.getCell(row, 1), l.level);
    setCell(ws.getCell(row, 2), l.label);
    setCell(ws.getCell(row, 3), l.meaning ? MEANING_WORDS[l.meaning] : undefined);
    for (let c = 1; c <= 3; c++) {
      ws.getCell(row, c).font = FONT;
      ws.getCell(row, c).border = BORDER;
    }
  });
  validations(ws).add(`C5:C${5 + 30}`, {
    type: "list",
    allowBlank: true,
    formulae: [listFormula(Object.values(MEANING_WORDS))],
  });
}
