// The planning dashboard as CSV, one table per file: departments (levels, targets, findings),
// warnings (one row each), indicators (year-over-year change), consistency (per department
// and for the whole year: the self-evaluations that agree with the evidence, and the
// distribution of achievement ratios). UTF-8 with BOM and CRLF, like
// the open-data CSV, so that Japanese Excel opens it as it is; cells that cannot start a
// formula (safe-csv.ts).
import { type ConsistencyFigures, RATIO_BINS } from "../../domain/assessment/index.ts";
import type { PlanningDashboard } from "../../domain/dashboard.ts";
import { isManifestoState, STATE_LABELS } from "../../domain/workflow.ts";
import { COMPARATOR_WORDS } from "../xlsx/vocabulary.ts";
import { TARGET_STATUS_WORDS } from "./open-data.ts";
import { type CsvCell, safeCsv } from "./safe-csv.ts";

export const DASHBOARD_TABLES = ["departments", "warnings", "indicators", "consistency"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

type Cell = CsvCell;

const TREND_WORDS = { better: "改善", worse: "悪化", same: "横ばい" } as const;
const SOURCE_WORDS = { actual: "実績", baseline: "基準値" } as const;

const stateWord = (s: string) => (isManifestoState(s) ? STATE_LABELS[s] : s);
const comparatorWord = (c: string | null | undefined) =>
  c && c in COMPARATOR_WORDS ? COMPARATOR_WORDS[c as keyof typeof COMPARATOR_WORDS] : (c ?? "");

function departmentRows(d: PlanningDashboard): Cell[][] {
  const header = [
    "部局名",
    "状態",
    "目標数",
    ...d.scale.levels.map((l) => `評価${l.level}（${l.label}）`),
    "未評価",
    "評価基準にない段階",
    `達成目標：${TARGET_STATUS_WORDS.met}`,
    `達成目標：${TARGET_STATUS_WORDS.not_met}`,
    `達成目標：${TARGET_STATUS_WORDS.unknown}`,
    "警告",
    "注意",
    "マニフェストID",
  ];
  const rows = d.departments.map((p) => [
    p.name,
    stateWord(p.state),
    p.goals,
    ...p.levels.map((l) => l.count),
    p.unevaluated,
    p.otherLevels,
    p.targets.met,
    p.targets.not_met,
    p.targets.unknown,
    p.warnings,
    p.notices,
    p.manifestoId,
  ]);
  return [header, ...rows];
}

function warningRows(d: PlanningDashboard): Cell[][] {
  const header = ["部局名", "目標番号", "目標", "達成目標番号", "コード", "内容", "マニフェストID"];
  const rows = d.warnings.map((w) => [
    w.department,
    w.goalNumber,
    w.goalTitle,
    w.target === null ? "" : w.target + 1,
    w.code,
    w.message,
    w.manifestoId,
  ]);
  return [header, ...rows];
}

/** One row per target of this year that names an indicator, with the indicator's change. */
function indicatorRows(d: PlanningDashboard): Cell[][] {
  const header = [
    "指標",
    "単位",
    "前年度",
    "前年度の値",
    "前年度の値の出典",
    "今年度の実績",
    "増減",
    "傾向",
    "部局名",
    "目標番号",
    "達成目標番号",
    "比較",
    "目標値",
    "実績値",
    "マニフェストID",
  ];
  const rows = d.indicators.flatMap((c) =>
    c.targets.map((t) => [
      c.indicator.name,
      c.indicator.unit,
      c.previous?.fiscalYear,
      c.previous?.value,
      c.previous ? SOURCE_WORDS[c.previous.source] : "",
      c.current?.value,
      c.change,
      c.trend ? TREND_WORDS[c.trend] : "",
      t.department,
      t.goalNumber,
      t.target + 1,
      comparatorWord(t.comparator),
      t.targetValue,
      t.actual,
      t.manifestoId,
    ]),
  );
  return [header, ...rows];
}

/** The share as a percentage with one decimal, empty when nothing could be compared. */
const sharePercent = (f: ConsistencyFigures): Cell =>
  f.share === null ? "" : Math.round(f.share * 1000) / 10;

/** One row per department and one for the whole year (部局名 「全体」, no manifesto ID). */
function consistencyRows(d: PlanningDashboard): Cell[][] {
  const header = [
    "年度",
    "部局名",
    "自己評価と比べた目標",
    "うち一致",
    "一致の割合（%）",
    "達成率のある達成目標",
    ...RATIO_BINS.map((b) => `達成率${b.label}`),
    "マニフェストID",
  ];
  const row = (name: string, f: ConsistencyFigures, id: number | "") => [
    d.fiscalYear,
    name,
    f.compared,
    f.agreeing,
    sharePercent(f),
    f.ratios,
    ...f.distribution.map((b) => b.count),
    id,
  ];
  return [
    header,
    ...d.departments.map((p) => row(p.name, p.consistency, p.manifestoId)),
    row("全体", d.consistency, ""),
  ];
}

const BUILDERS: Record<DashboardTable, (d: PlanningDashboard) => Cell[][]> = {
  departments: departmentRows,
  warnings: warningRows,
  indicators: indicatorRows,
  consistency: consistencyRows,
};

export function dashboardCsv(dashboard: PlanningDashboard, table: DashboardTable): string {
  return safeCsv(BUILDERS[table](dashboard));
}
