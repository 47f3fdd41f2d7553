// Sheet 「目標の補足」 (issue 17): every field of the format's extensions as a cell a person
// reads — the owner, the plan, the tags by their words, the second score with its scale,
// reference values and long-term targets with their years, the year-end fields and budgets.
// One row per item (目標 / 達成目標 / 項目 / 内容 / 数値 / 単位 / 年度), no merged cells, so
// it sorts and filters. Read-only: the entry sheets and the exact copy are what an import
// reads; this sheet is ignored there. Written only for documents that use an extension.
import type ExcelJS from "exceljs";
import type { Goal, ManifestoDocument, ScoreScale, Target } from "../../domain/manifesto/schema.ts";
import { tagLabel, vocabulariesOf } from "../../domain/manifesto/tags.ts";
import type { CellScalar } from "./cell-text.ts";
import { BORDER, FONT, HEADER_FILL } from "./style.ts";
import { setCell } from "./template-write.ts";
import { SHEETS } from "./vocabulary.ts";

export const DETAIL_COLUMNS = ["目標", "達成目標", "項目", "内容", "数値", "単位", "年度"] as const;
const WIDTHS = [8, 10, 16, 48, 10, 8, 8];

interface Row {
  goal?: number;
  target?: string;
  item: string;
  text?: string;
  value?: number;
  unit?: string;
  fiscalYear?: number;
}

/** 「達成度（0〜10）」「達成度（3=A、2=B、1=C）」 */
export function scoreScaleText(scale: ScoreScale): string {
  const range = scale.range
    ? `${scale.range.min}〜${scale.range.max}${scale.range.step === undefined ? "" : `、刻み${scale.range.step}`}`
    : (scale.levels ?? []).map((l) => `${l.level}=${l.label}`).join("、");
  return `${scale.name}（${range}）`;
}

function targetRows(goal: Goal, t: Target, i: number, tag: (ref: string) => string): Row[] {
  const at = { goal: goal.number, target: t.label || `${i + 1}番目` };
  const rows: Row[] = (t.tags ?? []).map((ref) => ({ ...at, item: "タグ", text: tag(ref) }));
  const m = t.measure;
  if (m?.kind !== "numeric") return rows;
  if (m.period === "calendar") rows.push({ ...at, item: "集計期間", text: "暦年" });
  for (const r of m.references ?? []) {
    rows.push({
      ...at,
      item: "参考値",
      text: r.label ?? m.indicator,
      value: r.value,
      unit: m.unit,
      fiscalYear: r.fiscalYear,
    });
  }
  for (const l of m.longTerm ?? []) {
    rows.push({
      ...at,
      item: "長期目標",
      text: l.label ?? m.indicator,
      value: l.target,
      unit: m.unit,
      fiscalYear: l.fiscalYear,
    });
  }
  return rows;
}

function goalRows(goal: Goal, scale: ScoreScale | undefined, tag: (ref: string) => string): Row[] {
  const at = { goal: goal.number };
  const rows: Row[] = [];
  const text = (item: string, value: string | undefined) => {
    if (value !== undefined && value !== "") rows.push({ ...at, item, text: value });
  };
  const o = goal.owner;
  text("担当所属", o?.unit);
  text("所属長", [o?.head?.title, o?.head?.name].filter(Boolean).join(" "));
  const contact = o?.contact;
  text(
    "所属の連絡先",
    [contact?.phone, contact?.extension && `内線 ${contact.extension}`, contact?.email]
      .filter(Boolean)
      .join("、"),
  );
  text("今年度の目標", goal.plan);
  for (const ref of goal.tags ?? []) rows.push({ ...at, item: "タグ", text: tag(ref) });
  const e = goal.evaluation;
  if (e?.score !== undefined) {
    rows.push({
      ...at,
      item: "第二の評価",
      text: scale ? `${e.score}（${scoreScaleText(scale)}）` : String(e.score),
      value: e.score,
    });
  }
  text("評価日", e?.asOf);
  text("成果・実績", e?.result);
  text("課題", e?.issues);
  text("今後の取組", e?.nextSteps);
  for (const b of goal.budget ?? []) {
    rows.push({
      ...at,
      item: "予算",
      text: b.label,
      value: b.amount,
      unit: b.unit,
      ...(b.fiscalYear !== undefined && { fiscalYear: b.fiscalYear }),
    });
  }
  (goal.targets ?? []).forEach((t, i) => {
    rows.push(...targetRows(goal, t, i, tag));
  });
  return rows;
}

export function detailRows(doc: ManifestoDocument): Row[] {
  const vocabularies = vocabulariesOf(doc);
  const tag = (ref: string) => `${tagLabel(vocabularies, ref)}（${ref}）`;
  const rows: Row[] = doc.scoreScale
    ? [{ item: "第二の評価の基準", text: scoreScaleText(doc.scoreScale) }]
    : [];
  for (const goal of doc.goals) rows.push(...goalRows(goal, doc.scoreScale, tag));
  // The scale alone is no use of an extension: a document without any other has no sheet.
  return rows.length > (doc.scoreScale ? 1 : 0) ? rows : [];
}

export function writeDetailsSheet(wb: ExcelJS.Workbook, doc: ManifestoDocument): void {
  const rows = detailRows(doc);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(SHEETS.details, { views: [{ state: "frozen", ySplit: 1 }] });
  DETAIL_COLUMNS.forEach((name, i) => {
    ws.getColumn(i + 1).width = WIDTHS[i] ?? 10;
    const cell = ws.getCell(1, i + 1);
    setCell(cell, name);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  rows.forEach((r, n) => {
    const values: CellScalar[] = [r.goal, r.target, r.item, r.text, r.value, r.unit, r.fiscalYear];
    values.forEach((v, i) => {
      const cell = ws.getCell(n + 2, i + 1);
      setCell(cell, v);
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: i === 3 };
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: DETAIL_COLUMNS.length } };
}
