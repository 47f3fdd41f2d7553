// How gaps, changes and statuses are said, in the unit's own terms, everywhere (portal, staff
// app, dashboard, CSV, PDF): percentages in ポイント (「目標まで5.6ポイント不足」, never a ratio
// of percentages), ranks in places with their direction (「目標より26位上位」), counts in their
// unit (「目標より2件多い」). A ratio of a ratio (倍) is said without a unit. A milestone
// judged 一部達成 is said 一部達成, not 未達成. The one place these words are decided.
import type { Comparator, TargetResult } from "../manifesto/schema.ts";
import { formatNumber, formatQuantity } from "./messages.ts";
import type { TargetAssessment } from "./types.ts";

type UnitKind = "percent" | "rank" | "ratio" | "count";

export function unitKind(unit: string): UnitKind {
  const u = unit.normalize("NFKC").trim();
  if (u.startsWith("%") || u === "ポイント" || u === "pt") return "percent";
  if (u === "位") return "rank";
  if (u === "倍") return "ratio";
  return "count";
}

/** An amount in the unit's own terms: `5.6ポイント`, `26位`, `2件`, `0.5` (倍). */
export function amountInUnit(amount: number, unit: string): string {
  switch (unitKind(unit)) {
    case "percent":
      return `${formatNumber(amount)}ポイント`;
    case "ratio":
      return formatNumber(amount);
    default:
      return formatQuantity(amount, unit.trim());
  }
}

const FLOOR: ReadonlySet<Comparator> = new Set([">=", ">"]);
// 12 significant digits: 55 − 49.4 is 5.6, not 5.600000000000001.
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * The gap between an actual value and its target, or undefined when there is nothing to
 * compare: `目標どおり`, `目標まで5.6ポイント不足`, `目標より26位上位`, `目標より2件多い`.
 */
export function gapPhrase(
  t: Pick<TargetAssessment, "actual" | "target" | "comparator" | "unit" | "difference">,
): string | undefined {
  if (t.actual === undefined || t.target === undefined || t.comparator === undefined) {
    return undefined;
  }
  const unit = t.unit ?? "";
  if (t.difference === 0) return "目標どおり";
  const over = t.actual - t.target;
  if (over === 0) return "目標どおり";
  const amount = amountInUnit(clean(Math.abs(over)), unit);
  const kind = unitKind(unit);
  if (kind === "rank") return `目標より${amount}${over < 0 ? "上位" : "下位"}`;
  const short = (t.difference ?? 0) < 0;
  if (short && FLOOR.has(t.comparator)) return `目標まで${amount}不足`;
  if (t.comparator === "=") return `目標との差${amount}`;
  if (kind === "count") return `目標より${amount}${over > 0 ? "多い" : "少ない"}`;
  return `目標より${amount}${over > 0 ? "高い" : "低い"}`;
}

/** A change from one year to the next: `+1.5ポイント`, `3位上昇`, `−2件`, `変化なし`. */
export function changePhrase(change: number, unit: string): string {
  if (change === 0) return "変化なし";
  const amount = amountInUnit(clean(Math.abs(change)), unit);
  if (unitKind(unit) === "rank") return `${amount}${change < 0 ? "上昇" : "下降"}`;
  return `${change > 0 ? "+" : "−"}${amount}`;
}

const MILESTONE_WORDS: Record<NonNullable<TargetResult["status"]>, string> = {
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
};

/** 達成 / 一部達成 / 未達成, or `unknownWord` when the target cannot be judged. */
export function statusWord(
  t: Pick<TargetAssessment, "status" | "kind">,
  milestoneResult: TargetResult["status"] | undefined,
  unknownWord = "判定できません",
): string {
  if (t.kind === "milestone" && milestoneResult !== undefined)
    return MILESTONE_WORDS[milestoneResult];
  if (t.status === "met") return "達成";
  if (t.status === "not_met") return "未達成";
  return unknownWord;
}

/** Ranks are promised as 230位以内, not 以下. */
export function comparatorPhrase(comparator: Comparator, unit: string): string {
  if (comparator === "<=" && unitKind(unit) === "rank") return "以内";
  return { ">=": "以上", ">": "超", "<=": "以下", "<": "未満", "=": "" }[comparator];
}
