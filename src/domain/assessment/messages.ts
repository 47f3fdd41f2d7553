// The Japanese wording of findings. Plain words, numbers written the Japanese way with their
// unit, comparators as the documents write them (55%以上, 230位以内).
import type { Comparator, TargetResult } from "../manifesto/schema.ts";
import type { TargetAssessment } from "./types.ts";

// Created once: an Intl object per message would dominate the cost of a whole assessment.
const numberFormat = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 6 });
// A scale whose labels are letters (Suita: A/B/C) uses its level numbers for order only.
const startsWithLetter = /^[A-Za-zＡ-Ｚａ-ｚ]/u;

// Most numbers in messages are small and short (55, 49.4, 230): written as JavaScript writes
// them, they read the same as through Intl, at a fraction of the cost of a whole assessment.
const PLAIN = /^-?\d{1,3}(?:\.\d{1,6})?$/;

export function formatNumber(n: number): string {
  const plain = String(n);
  if (PLAIN.test(plain) && !Object.is(n, -0)) return plain;
  return numberFormat.format(n);
}

/** `49.4%`, `204位`, `1,000件`. */
export function formatQuantity(n: number, unit: string): string {
  return `${formatNumber(n)}${unit}`;
}

const COMPARATOR_WORDS: Record<Comparator, string> = {
  ">=": "以上",
  ">": "超",
  "<=": "以下",
  "<": "未満",
  "=": "ちょうど",
};

/** Ranks are promised as 230位以内, not 以下. */
export function comparatorWord(comparator: Comparator, unit: string): string {
  if (comparator === "<=" && unit.trim() === "位") return "以内";
  return COMPARATOR_WORDS[comparator];
}

/** `55%以上`, `230位以内`. */
export function formatTargetValue(target: number, comparator: Comparator, unit: string): string {
  return `${formatQuantity(target, unit)}${comparatorWord(comparator, unit)}`;
}

/** `達成目標①`; without a printed marker, `達成目標` alone or `2番目の達成目標`. */
export function targetName(t: Pick<TargetAssessment, "index" | "label">, count: number): string {
  if (t.label !== undefined && t.label.trim() !== "") return `達成目標${t.label}`;
  return count <= 1 ? "達成目標" : `${t.index + 1}番目の達成目標`;
}

/** `自己評価は「業績目標を達成した」（3）`; a letter label stands alone: `自己評価は「A」`. */
export function claimPhrase(level: number, label: string | undefined): string {
  if (label === undefined) return `自己評価は${level}`;
  if (startsWithLetter.test(label)) return `自己評価は「${label}」`;
  return `自己評価は「${label}」（${level}）`;
}

const MILESTONE_RESULT_WORDS: Record<NonNullable<TargetResult["status"]>, string> = {
  achieved: "達成",
  partial: "一部達成",
  not_achieved: "未達成",
};

/** `（実績49.4% / 目標55%以上）`, or for a milestone `（結果：一部達成）`. */
function evidence(t: TargetAssessment, milestoneResult: TargetResult["status"]): string {
  if (
    t.kind === "numeric" &&
    t.actual !== undefined &&
    t.target !== undefined &&
    t.comparator !== undefined
  ) {
    const unit = t.unit ?? "";
    return `（実績${formatQuantity(t.actual, unit)} / 目標${formatTargetValue(t.target, t.comparator, unit)}）`;
  }
  if (milestoneResult !== undefined) return `（結果：${MILESTONE_RESULT_WORDS[milestoneResult]}）`;
  return "";
}

export function claimedAchievedTargetNotMetMessage(
  claim: string,
  target: TargetAssessment,
  targetCount: number,
  milestoneResult: TargetResult["status"],
): string {
  return `${claim}ですが、${targetName(target, targetCount)}は未達成です${evidence(target, milestoneResult)}`;
}

export function claimedNotAchievedAllMetMessage(claim: string): string {
  return `${claim}ですが、達成目標はすべて達成されています`;
}

export function exceededOnMilestonesOnlyMessage(claim: string): string {
  return `${claim}ですが、達成目標は数値のない目標だけで、上回ったことを数値で確かめられません`;
}

export function exceededWithoutBeatenTargetMessage(claim: string): string {
  return `${claim}ですが、目標を上回った数値目標はありません`;
}

export function numericTargetWithoutResultMessage(
  target: TargetAssessment,
  targetCount: number,
): string {
  return `${targetName(target, targetCount)}は数値目標ですが、年度末の実績値が記録されていません`;
}

export function levelMeaningUnknownMessage(
  level: number,
  label: string | undefined,
  scaleName: string,
): string {
  if (label === undefined) {
    return `自己評価の段階（${level}）が評価基準「${scaleName}」にないため、達成目標との照合ができません`;
  }
  return `自己評価「${label}」（${level}）が何を表す段階か分からないため、達成目標との照合ができません`;
}

export function unknownPolicyRefMessage(code: string): string {
  return `関連の施策・基本事業「${code}」は総合計画にありません`;
}
