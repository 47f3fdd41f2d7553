// Reads the entry sheets back into a raw document (not yet validated), remembering which cell
// every JSON path came from so that each problem can name the cell a person has to fix.
import type ExcelJS from "exceljs";
import { FORMAT_TAG } from "../../domain/manifesto/schema.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { type CellScalar, readCell } from "./cell-text.ts";
import { type Field, parseInteger, parseText, type Report } from "./fields.ts";
import { decodeOverrides, parseRow } from "./overrides.ts";
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
import { SCALE_INCLUDED } from "./template-write.ts";
import { MEANING_WORDS, meaningOfWord, SHEETS, TEMPLATE_MARK } from "./vocabulary.ts";

export interface CellRef {
  sheet: string;
  address: string;
  label: string;
}

export interface TemplateReading {
  raw: Record<string, unknown>;
  /** The scale shown for reference when the document carries none. */
  referenceScale: unknown;
  /** JSON path → the cell it was read from. */
  cells: Map<string, CellRef>;
  /** Problems found while reading cells (wrong type, unknown word …). */
  problems: (Problem & { cell: CellRef })[];
}

export const cellPath = (c: Pick<CellRef, "sheet" | "address">) =>
  c.address === "" ? `シート「${c.sheet}」` : `シート「${c.sheet}」セル${c.address}`;

/** Returns a message for a person when the workbook is not one of our templates. */
export function readTemplate(wb: ExcelJS.Workbook): TemplateReading | string {
  const header = wb.getWorksheet(SHEETS.header);
  const goals = wb.getWorksheet(SHEETS.goals);
  const targets = wb.getWorksheet(SHEETS.targets);
  const marked = readCell(wb.getWorksheet(SHEETS.marker)?.getCell("A1").value) === TEMPLATE_MARK;
  if (!header || !goals || !targets) {
    const missing = [SHEETS.header, SHEETS.goals, SHEETS.targets].filter(
      (n) => !wb.getWorksheet(n),
    );
    return `Tassei のマニフェスト様式ではありません（シート「${missing.join("」「")}」がありません）。アプリからダウンロードした様式に入力してください。`;
  }
  const state: TemplateReading = {
    raw: { format: FORMAT_TAG },
    referenceScale: undefined,
    cells: new Map(),
    problems: [],
  };
  const goalSheet = columnsOf(goals, GOAL_COLUMNS, state);
  const targetSheet = columnsOf(targets, TARGET_COLUMNS, state);
  const progressWs = wb.getWorksheet(SHEETS.progress);
  const progressSheet = progressWs ? columnsOf(progressWs, PROGRESS_COLUMNS, state) : undefined;
  if (!goalSheet || !targetSheet || (progressWs && !progressSheet)) {
    return marked
      ? "様式の見出し行が変更されています。見出し（1行目）を元に戻すか、様式をダウンロードし直してください。"
      : "Tassei のマニフェスト様式ではありません（見出し行が様式と違います）。アプリからダウンロードした様式に入力してください。";
  }
  readHeader(header, readCell(wb.getWorksheet(SHEETS.marker)?.getCell("B2").value), state);
  const goalList = readGoals(goalSheet, state);
  readLocated(targetSheet, goalList, "targets", targetFields, state);
  if (progressSheet) readLocated(progressSheet, goalList, "progress", progressFields, state);
  for (const g of goalList) {
    for (const key of ["targets", "progress"] as const) {
      if (g.obj[key] === undefined && Array.isArray(g.exact[key]) && g.exact[key].length === 0) {
        g.obj[key] = [];
      }
    }
  }
  state.raw.goals = goalList.map((g) => g.obj);
  state.cells.set("goals", { sheet: SHEETS.goals, address: "", label: "目標" });
  readScale(wb.getWorksheet(SHEETS.scale), state);
  return state;
}

interface Sheet {
  ws: ExcelJS.Worksheet;
  col: Map<string, number>;
  columns: readonly Column[];
}

/** Finds each column by its header text, so a person may reorder or insert columns. */
function columnsOf(
  ws: ExcelJS.Worksheet,
  columns: readonly Column[],
  state: TemplateReading,
): Sheet | undefined {
  const byHeader = new Map<string, number>();
  const headerRow = ws.getRow(1);
  for (let c = 1; c <= Math.max(ws.columnCount, headerRow.cellCount); c++) {
    const h = parseText(readCell(headerRow.getCell(c).value))?.trim();
    if (h !== undefined && !byHeader.has(h)) byHeader.set(h, c);
  }
  const col = new Map<string, number>();
  const missing: string[] = [];
  for (const c of [...columns, EXACT_COLUMN]) {
    const at = byHeader.get(c.header);
    if (at !== undefined) col.set(c.key, at);
    else if (c !== EXACT_COLUMN && !c.optional) missing.push(c.header);
  }
  if (missing.length === columns.filter((c) => !c.optional).length) return undefined;
  if (missing.length > 0) {
    state.problems.push({
      path: cellPath({ sheet: ws.name, address: "" }),
      message: `見出し「${missing.join("」「")}」の列がありません（1行目）`,
      cell: { sheet: ws.name, address: "", label: "見出し" },
    });
  }
  return { ws, col, columns };
}

function rowReader(sheet: Sheet, r: number) {
  return (key: string): CellScalar => {
    const c = sheet.col.get(key);
    return c === undefined ? undefined : readCell(sheet.ws.getCell(r, c).value);
  };
}

function refOf(sheet: Sheet, r: number, key: string): CellRef {
  const c = sheet.col.get(key) ?? 1;
  const label = sheet.columns.find((x) => x.key === key)?.header ?? "";
  return { sheet: sheet.ws.name, address: `${sheet.ws.getColumn(c).letter}${r}`, label };
}

function reporter(state: TemplateReading, at: (key: string) => CellRef): Report {
  return (key, message) => {
    const cell = at(key);
    state.problems.push({ path: cellPath(cell), message: `${cell.label}: ${message}`, cell });
  };
}

function recordPaths<O>(
  state: TemplateReading,
  prefix: string,
  fields: readonly Field<O>[],
  at: (key: string) => CellRef,
): void {
  for (const f of fields) {
    for (const [rel, key] of f.paths)
      state.cells.set(prefix === "" ? rel : `${prefix}.${rel}`, at(key));
  }
}

/** Data rows: every row below the header with something in a visible column. */
function dataRows(sheet: Sheet): number[] {
  const rows: number[] = [];
  for (let r = 2; r <= sheet.ws.rowCount; r++) {
    const read = rowReader(sheet, r);
    if (sheet.columns.some((c) => read(c.key) !== undefined)) rows.push(r);
  }
  return rows;
}

function readHeader(ws: ExcelJS.Worksheet, exactCell: CellScalar, state: TemplateReading): void {
  const rowOf = new Map<string, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const label = parseText(readCell(ws.getCell(r, 1).value))?.trim();
    const spec = HEADER_ROWS.find((h) => h.header === label);
    if (spec && !rowOf.has(spec.key)) rowOf.set(spec.key, r);
  }
  const at = (key: string): CellRef => {
    const r = rowOf.get(key);
    const label = HEADER_ROWS.find((h) => h.key === key)?.header ?? key;
    return { sheet: ws.name, address: r === undefined ? "" : `B${r}`, label };
  };
  const read = (key: string) => {
    const r = rowOf.get(key);
    return r === undefined ? undefined : readCell(ws.getCell(r, 2).value);
  };
  const fields = headerFields as readonly Field<unknown>[];
  Object.assign(state.raw, parseRow(read, fields, decodeOverrides(exactCell), reporter(state, at)));
  recordPaths(state, "", fields, at);
  state.cells.set("municipality", at("code"));
  state.cells.set("department", at("department"));
}

interface ReadGoal {
  obj: Record<string, unknown>;
  exact: Record<string, unknown>;
  number: unknown;
  index: number;
}

function readGoals(sheet: Sheet, state: TemplateReading): ReadGoal[] {
  const fields = goalFields as readonly Field<unknown>[];
  return dataRows(sheet).map((r, index) => {
    const at = (key: string) => refOf(sheet, r, key);
    const exact = decodeOverrides(rowReader(sheet, r)(EXACT_COLUMN.key));
    const obj = parseRow(rowReader(sheet, r), fields, exact, reporter(state, at));
    recordPaths(state, `goals[${index}]`, fields, at);
    state.cells.set(`goals[${index}]`, at("number"));
    return { obj, exact, number: obj.number, index };
  });
}

function readLocated(
  sheet: Sheet,
  goals: readonly ReadGoal[],
  key: "targets" | "progress",
  fields: readonly Field<unknown>[],
  state: TemplateReading,
): void {
  for (const r of dataRows(sheet)) {
    const at = (k: string) => refOf(sheet, r, k);
    const report = reporter(state, at);
    const read = rowReader(sheet, r);
    const goalCell = read("goal");
    const number = parseInteger(goalCell, "goal", report, "目標番号");
    if (goalCell === undefined) report("goal", "目標番号を入力してください");
    const goal = goals.find((g) => g.number === number);
    if (number !== undefined && !goal) {
      report("goal", `目標番号 ${number} の目標が目標シートにありません`);
    }
    const obj = parseRow(read, fields, decodeOverrides(read(EXACT_COLUMN.key)), report);
    if (!goal) continue;
    if (!Array.isArray(goal.obj[key])) goal.obj[key] = [];
    const list = goal.obj[key] as unknown[];
    const prefix = `goals[${goal.index}].${key}[${list.length}]`;
    list.push(obj);
    recordPaths(state, prefix, fields, at);
    state.cells.set(prefix, at("goal"));
  }
}

function readScale(ws: ExcelJS.Worksheet | undefined, state: TemplateReading): void {
  if (!ws) return;
  const cell = (r: number, c: number) => readCell(ws.getCell(r, c).value);
  const ref = (r: number, c: number, label: string): CellRef => ({
    sheet: ws.name,
    address: `${ws.getColumn(c).letter}${r}`,
    label,
  });
  const levels: Record<string, unknown>[] = [];
  const report: Report = () => {};
  const problems: typeof state.problems = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const [level, label, meaning] = [cell(r, 1), cell(r, 2), cell(r, 3)];
    if (level === undefined && label === undefined && meaning === undefined) continue;
    const i = levels.length;
    const entry: Record<string, unknown> = {};
    const n = parseInteger(level, "level", report, "段階");
    if (n !== undefined) entry.level = n;
    else problems.push(scaleProblem(ref(r, 1, "段階"), "段階は整数で入力してください"));
    const labelText = parseText(label);
    if (labelText !== undefined) entry.label = labelText;
    const meaningText = parseText(meaning);
    if (meaningText !== undefined) {
      const m = meaningOfWord(meaningText);
      if (m) entry.meaning = m;
      else
        problems.push(
          scaleProblem(
            ref(r, 3, "意味"),
            `意味は「${Object.values(MEANING_WORDS).join("」「")}」から選んでください`,
          ),
        );
    }
    levels.push(entry);
    state.cells.set(`evaluationScale.levels[${i}]`, ref(r, 1, "段階"));
    state.cells.set(`evaluationScale.levels[${i}].label`, ref(r, 2, "区分名"));
    state.cells.set(`evaluationScale.levels[${i}].meaning`, ref(r, 3, "意味"));
  }
  const name = parseText(cell(1, 2));
  const scale = { ...(name === undefined ? {} : { name }), levels };
  const included = parseText(cell(2, 2))?.trim() === SCALE_INCLUDED;
  if (!included) {
    state.referenceScale = scale;
    return;
  }
  state.problems.push(...problems);
  state.raw.evaluationScale = scale;
  state.cells.set("evaluationScale", ref(1, 2, "尺度名"));
  state.cells.set("evaluationScale.name", ref(1, 2, "尺度名"));
  state.cells.set("evaluationScale.levels", ref(5, 1, "段階"));
}

function scaleProblem(cell: CellRef, message: string): Problem & { cell: CellRef } {
  return { path: cellPath(cell), message: `${cell.label}: ${message}`, cell };
}
