// The entry sheets 達成目標 and 中間報告: rows that belong to a goal by its 目標番号.
// (Column, EXACT_COLUMN and the goal and header sheets are in template-layout.ts.)
import type { Progress, Target } from "../../domain/manifesto/schema.ts";
import type { CellScalar } from "./cell-text.ts";
import {
  type Field,
  groupField,
  hiddenField,
  numberCell,
  parseInteger,
  parseNumber,
  parseText,
  refsField,
  requiredTextCell,
  textCells,
  textField,
} from "./fields.ts";
import type { Column } from "./template-layout.ts";
import {
  COMPARATOR_WORDS,
  comparatorOf,
  KIND_WORDS,
  kindOf,
  STATUS_WORDS,
  statusOf,
} from "./vocabulary.ts";

// ---- 達成目標: one row per target, grouped to goals by 目標番号 -------------------------

export const TARGET_COLUMNS: readonly Column[] = [
  {
    key: "goal",
    header: "目標番号",
    width: 9,
    help: "この達成目標が属する部局目標の番号（目標シートの目標番号）。",
    numeric: true,
  },
  { key: "label", header: "記号", width: 6, help: "印刷される記号（①、② など）。空欄なら「・」。" },
  { key: "text", header: "達成目標", width: 48, help: "文書に書く達成目標の文。" },
  {
    key: "kind",
    header: "種別",
    width: 11,
    help: "数値目標: 指標と目標値で達成を判定。定性目標: 達成状況で判定。空欄: 判定しない。",
    list: Object.values(KIND_WORDS),
  },
  {
    key: "indicator",
    header: "指標名",
    width: 30,
    help: "数値目標の指標。翌年度以降も同じ名前にすると経年で比較できます。",
  },
  { key: "unit", header: "単位", width: 7, help: "例: %、件、位、倍、%減" },
  {
    key: "comparator",
    header: "比較",
    width: 8,
    help: "以上(>=)、超(>)、以下・以内(<=)、未満(<)、等しい(=)",
    list: Object.values(COMPARATOR_WORDS),
  },
  {
    key: "target",
    header: "目標値",
    width: 10,
    help: "数値のみ（単位は単位欄へ）。",
    numeric: true,
  },
  {
    key: "baseline",
    header: "基準値",
    width: 10,
    help: "前年度などの実績値（任意）。",
    numeric: true,
  },
  {
    key: "baselineYear",
    header: "基準年度",
    width: 9,
    help: "基準値の年度（西暦）。例: 2022",
    numeric: true,
  },
  {
    key: "actual",
    header: "実績値",
    width: 10,
    help: "年度末の実績（数値目標のみ）。",
    numeric: true,
  },
  {
    key: "status",
    header: "達成状況",
    width: 10,
    help: "定性目標の年度末の状況。",
    list: Object.values(STATUS_WORDS),
  },
  { key: "result", header: "実績（記述）", width: 40, help: "公表する実績の文。" },
  {
    key: "tags",
    header: "タグ",
    width: 20,
    help: "「、」区切り。例: indicator:outcome（成果指標）、indicator:activity（活動指標）",
    optional: true,
  },
];

const NUMERIC_ONLY = [
  "indicator",
  "unit",
  "comparator",
  "target",
  "baseline",
  "baselineYear",
] as const;

function parseMeasure(
  cells: readonly CellScalar[],
  report: (col: string, message: string) => void,
): Record<string, unknown> | undefined {
  const [kindCell, indicator, unit, comparator, target, baseline, baselineYear] = cells;
  const kindText = parseText(kindCell);
  const kind = kindText === undefined ? undefined : kindOf(kindText);
  if (kindText !== undefined && kind === undefined) {
    report("kind", `種別は「${Object.values(KIND_WORDS).join("」「")}」から選んでください`);
    return undefined;
  }
  const numericGiven = cells.slice(1).some((c) => c !== undefined);
  if (kind === undefined) {
    if (numericGiven)
      report("kind", "指標や目標値を入力したときは種別を「数値目標」にしてください");
    return undefined;
  }
  if (kind === "milestone") {
    if (numericGiven) {
      const col = NUMERIC_ONLY[cells.slice(1).findIndex((c) => c !== undefined)] ?? "kind";
      report(col, "定性目標には指標名・単位・比較・目標値・基準値を入力できません");
    }
    return { kind };
  }
  const out: Record<string, unknown> = { kind, unit: requiredTextCell(unit) };
  const indicatorText = parseText(indicator);
  if (indicatorText !== undefined) out.indicator = indicatorText;
  const compText = parseText(comparator);
  if (compText !== undefined) {
    const c = comparatorOf(compText);
    if (c === undefined) {
      report(
        "comparator",
        `比較は「${Object.values(COMPARATOR_WORDS).join("」「")}」から選んでください`,
      );
    } else out.comparator = c;
  }
  const t = parseNumber(target, "target", report, "目標値");
  if (t !== undefined) out.target = t;
  if (baseline !== undefined || baselineYear !== undefined) {
    const b: Record<string, unknown> = {};
    const value = parseNumber(baseline, "baseline", report, "基準値");
    const year = parseInteger(baselineYear, "baselineYear", report, "基準年度");
    if (value !== undefined) b.value = value;
    if (year !== undefined) b.fiscalYear = year;
    out.baseline = b;
  }
  return out;
}

function renderMeasure(m: Record<string, unknown>): CellScalar[] {
  if (m.kind !== "numeric") return [KIND_WORDS.milestone, ...NUMERIC_ONLY.map(() => undefined)];
  const baseline = (m.baseline ?? {}) as Record<string, unknown>;
  const comparator = COMPARATOR_WORDS[m.comparator as keyof typeof COMPARATOR_WORDS];
  return [
    KIND_WORDS.numeric,
    ...textCells(m, ["indicator"]),
    typeof m.unit === "string" && m.unit !== "" ? m.unit : undefined,
    comparator,
    numberCell(m.target),
    numberCell(baseline.value),
    numberCell(baseline.fiscalYear),
  ];
}

export const targetFields: readonly Field<Target>[] = [
  textField("label", ["label"]),
  textField("text", ["text"]),
  groupField({
    key: "measure",
    cols: ["kind", ...NUMERIC_ONLY],
    path: ["measure"],
    paths: [
      ["measure.kind", "kind"],
      ["measure.indicator", "indicator"],
      ["measure.unit", "unit"],
      ["measure.comparator", "comparator"],
      ["measure.target", "target"],
      ["measure.baseline.value", "baseline"],
      ["measure.baseline.fiscalYear", "baselineYear"],
      ["measure.baseline", "baseline"],
      ["measure", "kind"],
    ],
    render: renderMeasure,
    parse: parseMeasure,
  }),
  groupField({
    key: "result",
    cols: ["actual", "status", "result"],
    path: ["result"],
    paths: [
      ["result.actual", "actual"],
      ["result.status", "status"],
      ["result.text", "result"],
      ["result", "actual"],
    ],
    render: (r) => [
      numberCell(r.actual),
      STATUS_WORDS[r.status as keyof typeof STATUS_WORDS],
      ...textCells(r, ["text"]),
    ],
    parse: ([actual, status, text], report) => {
      const out: Record<string, unknown> = {};
      const a = parseNumber(actual, "actual", report, "実績値");
      if (a !== undefined) out.actual = a;
      const statusText = parseText(status);
      if (statusText !== undefined) {
        const s = statusOf(statusText);
        if (s === undefined) {
          report(
            "status",
            `達成状況は「${Object.values(STATUS_WORDS).join("」「")}」から選んでください`,
          );
        } else out.status = s;
      }
      const t = parseText(text);
      if (t !== undefined) out.text = t;
      return out;
    },
  }),
  refsField("tags", ["tags"]),
  // Without cells (exact copy only): FORMAT.md "Extensions" of a numeric measure.
  hiddenField(["measure", "period"]),
  hiddenField(["measure", "references"]),
  hiddenField(["measure", "longTerm"]),
];

// ---- 中間報告: one row per interim report, grouped to goals by 目標番号 -------------------

export const PROGRESS_COLUMNS: readonly Column[] = [
  { key: "goal", header: "目標番号", width: 9, help: "報告する部局目標の番号。", numeric: true },
  {
    key: "asOf",
    header: "時点",
    width: 12,
    help: "報告の時点。YYYY-MM-DD（例: 2023-10-01）。古い順に。",
  },
  { key: "status", header: "状況", width: 10, help: "例: 順調、強化要、困難" },
  { key: "note", header: "所見", width: 50, help: "中間報告の内容。" },
  {
    key: "values",
    header: "実績値",
    width: 20,
    help: "1行に「達成目標の順番: 値」。例: 1: 52.0（順番は目標ごとに達成目標シートの上から 1, 2 …）",
  },
];

export const progressFields: readonly Field<Progress>[] = [
  textField("asOf", ["asOf"]),
  textField("status", ["status"]),
  textField("note", ["note"]),
  {
    key: "values",
    cols: ["values"],
    paths: [["values", "values"]],
    get: (p) => p.values,
    set: (o, v) => {
      if (v !== undefined) o.values = v;
    },
    render: (v) => [
      Array.isArray(v) && v.length > 0
        ? v
            .map(
              (x: { target: number; actual: number }) => `${x.target + 1}: ${numberCell(x.actual)}`,
            )
            .join("\n")
        : undefined,
    ],
    parse: ([cell], report) => {
      const s = parseText(cell);
      if (s === undefined) return undefined;
      const values: { target: number; actual: number }[] = [];
      for (const line of s.split(/\r?\n/)) {
        if (line.trim() === "") continue;
        const m = /^\s*(\S+?)\s*[:：]\s*(.+?)\s*$/.exec(line);
        const order =
          m?.[1] === undefined ? undefined : parseInteger(m[1], "values", report, "達成目標の順番");
        const actual =
          m?.[2] === undefined ? undefined : parseNumber(m[2], "values", report, "実績値");
        if (m === null) report("values", `実績値は「順番: 値」の形で書いてください（「${line}」）`);
        if (order !== undefined && actual !== undefined) values.push({ target: order - 1, actual });
      }
      return values;
    },
  },
];
