// Sheet 1 「マニフェスト」: the published document as a printable sheet, laid out like the form
// (title, scale legend, header box, the six columns, one row per goal), A4 landscape.
import type ExcelJS from "exceljs";
import { formatFiscalYear } from "../../domain/era.ts";
import type { EvaluationScale, Goal, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { bullet } from "../bullet.ts";
import { writeGoalRows } from "./form-rows.ts";
import { BORDER, FONT, HEADER_FILL } from "./style.ts";
import { setCell } from "./template-write.ts";
import { SHEETS } from "./vocabulary.ts";

/** Column widths in Excel's character units; about 190 units fill A4 landscape at fit-to-width. */
const COLUMNS = [
  { header: "組織使命", width: 18 },
  // Line breaks where Japanese allows, instead of where the column happens to end
  // (「達成状況（自己 / 評価）」).
  { header: "組織使命達成に\n向けての目標", width: 24 },
  { header: "目標の達成水準", width: 46 },
  { header: "目標を達成するための手段", width: 38 },
  { header: "達成状況\n（自己評価）", width: 11 },
  { header: "理由", width: 40 },
] as const;

/** Excel's height of a row whose height is not set, in points. */
const DEFAULT_ROW_HEIGHT_PT = 15;

export function documentTitleLine(doc: ManifestoDocument): string {
  const title = `${formatFiscalYear(doc.fiscalYear)} ${doc.documentTitle ?? "部局マニフェスト"}`;
  return doc.documentSubtitle ? `${title} ～${doc.documentSubtitle}～` : title;
}

export function contactLine(doc: ManifestoDocument): string {
  const c = doc.department.contact;
  if (!c) return "";
  const phone = [c.phone ?? "", c.extension ? `(内線${c.extension})` : ""].join("");
  return [phone, c.email ?? ""].filter((s) => s !== "").join("\n");
}

const bullets = (items: readonly string[] | undefined) => (items ?? []).map(bullet);

export function goalCellText(goal: Goal): string {
  const refs = goal.policyRefs?.length
    ? `関連の施策・基本事業No ${goal.policyRefs.join("、")}`
    : "";
  return [`◎部局目標${goal.number}`, refs, "", goal.title]
    .filter((s, i) => i !== 1 || s !== "")
    .join("\n");
}

export function levelOfAchievementText(goal: Goal): string {
  const lines = ["〈現在の状態〉", ...bullets(goal.currentState), "↓", "〈達成目標〉"];
  for (const t of goal.targets ?? []) lines.push(t.label ? `${t.label}${t.text}` : bullet(t.text));
  if (goal.desiredState !== undefined && goal.desiredState !== "") {
    lines.push("※目標が達成した状態", `　${goal.desiredState}`);
  }
  return lines.join("\n");
}

function styleCell(
  cell: ExcelJS.Cell,
  opts: { bold?: boolean; fill?: boolean; center?: boolean } = {},
) {
  cell.font = { ...FONT, bold: opts.bold ?? false };
  cell.border = BORDER;
  if (opts.fill) cell.fill = HEADER_FILL;
  cell.alignment = {
    wrapText: true,
    vertical: opts.center ? "middle" : "top",
    horizontal: opts.center ? "center" : "left",
  };
}

export function writeFormSheet(
  wb: ExcelJS.Workbook,
  doc: ManifestoDocument,
  scale: EvaluationScale,
): void {
  const ws = wb.addWorksheet(SHEETS.form, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    headerFooter: { oddFooter: "&C&P / &N" },
    views: [{ showGridLines: false }],
  });
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });

  ws.mergeCells(1, 1, 1, 6);
  const title = ws.getCell(1, 1);
  setCell(title, documentTitleLine(doc));
  title.font = { ...FONT, size: 14, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 24;

  // The legend sits on the left, the header box on the right, both starting on row 3.
  const legend = [scale.name, ...scale.levels.map((l) => `${l.level}．${l.label}`)];
  legend.forEach((line, i) => {
    const row = 3 + i;
    ws.mergeCells(row, 1, row, 3);
    const cell = ws.getCell(row, 1);
    setCell(cell, line);
    styleCell(cell, { bold: i === 0, fill: i === 0 });
  });
  const head = doc.department.head;
  const box: [string, string][] = [
    ["部局名", doc.department.name],
    ["役職", head?.title ?? ""],
    ["氏名", head?.name ?? ""],
    ["連絡先", contactLine(doc)],
  ];
  box.forEach(([label, value], i) => {
    const row = 3 + i;
    const l = ws.getCell(row, 4);
    setCell(l, label);
    styleCell(l, { bold: true, fill: true, center: true });
    ws.mergeCells(row, 5, row, 6);
    const v = ws.getCell(row, 5);
    setCell(v, value);
    styleCell(v);
  });
  const headerRow = 3 + Math.max(legend.length, box.length) + 1;
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    setCell(cell, c.header);
    styleCell(cell, { bold: true, fill: true, center: true });
  });
  ws.getRow(headerRow).height = 30;
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  let abovePt = 0;
  for (let r = 1; r <= headerRow; r++) abovePt += ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT_PT;
  const rows = doc.goals.map((goal) => ({
    goal,
    texts: [
      goal.mission ?? "",
      goalCellText(goal),
      levelOfAchievementText(goal),
      (goal.means ?? []).map(bullet).join("\n"),
      "",
      goal.evaluation?.reason ?? "",
    ],
  }));
  const widths = COLUMNS.map((c) => c.width);
  const last = writeGoalRows(ws, rows, headerRow + 1, widths, {
    usedOnFirstPage: abovePt,
    headerHeight: ws.getRow(headerRow).height ?? DEFAULT_ROW_HEIGHT_PT,
  });
  ws.pageSetup.printArea = `A1:F${last}`;
}
