// The targets of generated manifestos: indicators, their values across years, and the
// target texts written the way published documents write them.
import { formatFiscalYearEraOnly } from "../src/domain/era.ts";
import type { Comparator, Target } from "../src/domain/manifesto/schema.ts";
import { fullWidthDigits, MILESTONES, Random, seedOf } from "./generate-words.ts";

export type Kind = "percent" | "count" | "people" | "rank" | "ratio" | "reduction";

interface IndicatorPlan {
  kind: Kind;
  indicator: string;
  unit: string;
  comparator: Comparator;
}

const INDICATORS: Record<Kind, (theme: string) => Omit<IndicatorPlan, "kind">> = {
  percent: (t) => ({ indicator: `市民アンケートの${t}に係る満足度`, unit: "%", comparator: ">=" }),
  count: (t) => ({ indicator: `${t}に関する取組の実施件数`, unit: "件", comparator: ">=" }),
  people: (t) => ({
    indicator: `${t}に関する講座・イベントの参加者数`,
    unit: "人",
    comparator: ">=",
  }),
  rank: (t) => ({ indicator: `${t}に関する全国調査の順位`, unit: "位", comparator: "<=" }),
  ratio: (t) => ({ indicator: `${t}に係る申込者数（前年度比）`, unit: "倍", comparator: ">=" }),
  reduction: (t) => ({
    indicator: `${t}に係る事務処理時間の削減率`,
    unit: "%減",
    comparator: ">=",
  }),
};
export const KINDS = Object.keys(INDICATORS) as Kind[];

const BASE_YEAR = 2000;

/** The value an indicator had in a year: a trend plus yearly noise, rounded as it is reported. */
function seriesValue(key: string, kind: Kind, year: number): number {
  const shape = new Random(seedOf(key, "shape"));
  const noise = new Random(seedOf(key, year)).float() - 0.5;
  const t = year - BASE_YEAR;
  switch (kind) {
    case "percent": {
      const v = shape.int(30, 75) + (shape.float() - 0.3) * 1.2 * t + noise * 6;
      return Math.round(Math.min(99.9, Math.max(0.5, v)) * 10) / 10;
    }
    case "count":
      return Math.max(
        1,
        Math.round(shape.int(10, 400) * (1 + (shape.float() - 0.3) * 0.04 * t + noise * 0.2)),
      );
    case "people":
      return Math.max(
        5,
        Math.round(shape.int(100, 5000) * (1 + (shape.float() - 0.3) * 0.03 * t + noise * 0.2)),
      );
    case "rank":
      return Math.max(
        1,
        Math.round(shape.int(50, 800) * (1 - (shape.float() - 0.3) * 0.02 * t + noise * 0.2)),
      );
    case "ratio":
      return Math.round((0.6 + new Random(seedOf(key, year, "r")).float() * 2) * 10) / 10;
    case "reduction":
      return Math.round(new Random(seedOf(key, year, "r")).float() * 200) / 10;
  }
}

function targetValue(kind: Kind, baseline: number, rng: Random): number {
  switch (kind) {
    case "percent":
      return Math.min(100, Math.round(baseline + rng.int(1, 5)));
    case "count":
    case "people":
      return Math.round(baseline * (1 + rng.int(3, 15) / 100));
    case "rank":
      return Math.max(1, Math.round((baseline * (1 - rng.int(5, 15) / 100)) / 10) * 10);
    case "ratio":
      return rng.pick([1.1, 1.2, 1.5, 2]);
    case "reduction":
      return rng.pick([5, 10, 15]);
  }
}

function meets(comparator: Comparator, actual: number, target: number): boolean {
  if (comparator === "<=") return actual <= target;
  return actual >= target;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨";
export const marker = (i: number) => CIRCLED[i] ?? "";
const unitText = (unit: string) => (unit === "%" ? "％" : unit === "%減" ? "％減少" : unit);
const eraYear = (year: number) => fullWidthDigits(formatFiscalYearEraOnly(year));

export interface BuiltTarget {
  target: Target;
  met: boolean;
  midYear?: number;
}

export function milestoneTarget(
  theme: string,
  t: number,
  count: number,
  evaluated: boolean,
  rng: Random,
): BuiltTarget {
  const target: Target = {
    label: count > 1 ? marker(t) : "",
    text: rng.pick(MILESTONES)(theme),
    measure: { kind: "milestone" },
  };
  if (!evaluated) return { target, met: true };
  const status = rng.pick(["achieved", "achieved", "achieved", "partial", "not_achieved"] as const);
  const done = {
    achieved: "完了した",
    partial: "一部完了した",
    not_achieved: "次年度に持ち越した",
  }[status];
  target.result = { status, text: `${count > 1 ? marker(t) : ""}${theme}に関する取組は${done}。` };
  return { target, met: status === "achieved" };
}

export function numericTarget(
  key: string,
  kind: Kind,
  theme: string,
  t: number,
  count: number,
  fiscalYear: number,
  evaluated: boolean,
  rng: Random,
): BuiltTarget {
  const plan = INDICATORS[kind](theme);
  // Ratios and reductions are measured against the year before by definition: no baseline.
  const hasBaseline = kind !== "ratio" && kind !== "reduction" && fiscalYear > 1989;
  const baseline = hasBaseline ? seriesValue(key, kind, fiscalYear - 1) : undefined;
  const goalValue = targetValue(kind, baseline ?? seriesValue(key, kind, fiscalYear - 1), rng);
  const unit = unitText(plan.unit);
  const bound =
    plan.comparator === "<=" ? "以内" : kind === "reduction" || kind === "ratio" ? "" : "以上";
  const was = baseline === undefined ? "" : `（${eraYear(fiscalYear - 1)}${baseline}${unit}）`;
  const target: Target = {
    label: count > 1 ? marker(t) : "",
    text: `${eraYear(fiscalYear)}の${plan.indicator}を${goalValue}${unit}${bound}とする。${was}`,
    measure: {
      kind: "numeric",
      ...plan,
      target: goalValue,
      ...(baseline === undefined
        ? {}
        : { baseline: { value: baseline, fiscalYear: fiscalYear - 1 } }),
    },
  };
  if (!evaluated) return { target, met: true };
  const actual = seriesValue(key, kind, fiscalYear);
  target.result = {
    actual,
    text: `${count > 1 ? marker(t) : ""}${plan.indicator}：${fullWidthDigits(String(actual))}${unit}`,
  };
  const midYear =
    kind === "percent" || kind === "rank"
      ? Math.round(((baseline ?? actual) + actual) / 2)
      : undefined;
  return {
    target,
    met: meets(plan.comparator, actual, goalValue),
    ...(midYear === undefined ? {} : { midYear }),
  };
}
