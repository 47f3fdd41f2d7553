// The Japanese wording of the findings made when a target is set (plan time). Values are
// written as the documents write them (55%以上, 230位以内) through messages.ts.
import { formatNumber, formatQuantity, formatTargetValue } from "./messages.ts";
import type { FindingProposal } from "./types.ts";

export function targetNotStructuredMessage(name: string, p: FindingProposal): string {
  return `${name}は文章に数値（${formatTargetValue(p.target, p.comparator, p.unit)}）がありますが、測定方法が登録されていないため自動で判定できません。数値目標として登録してください`;
}

export function targetMetByBaselineMessage(
  name: string,
  baseline: { value: number; fiscalYear?: number },
  target: string,
  unit: string,
): string {
  return `${name}の基準値${yearPart(baseline.fiscalYear)}${formatQuantity(baseline.value, unit)}が、すでに目標${target}を満たしています`;
}

export function targetEqualsBaselineMessage(name: string, target: string): string {
  return `${name}の目標${target}は基準値と同じです（現状維持の目標）`;
}

export function textDisagreesMessage(name: string, differences: readonly string[]): string {
  return `${name}の文章と測定方法が一致しません：${differences.join("、")}`;
}

export function targetBelowLastActualMessage(
  name: string,
  lastYear: number,
  lastActual: string,
  target: string,
): string {
  return `${name}の目標${target}は、昨年度（${lastYear}年度）の実績${lastActual}ですでに満たされています`;
}

export function targetLoweredMessage(
  name: string,
  lastYear: number,
  lastTarget: string,
  target: string,
): string {
  return `${name}の目標${target}は、昨年度（${lastYear}年度）の目標${lastTarget}より低い水準です`;
}

export function indicatorDroppedMessage(lastYear: number, goal: number, indicator: string): string {
  return `昨年度（${lastYear}年度）の目標${formatNumber(goal)}の指標「${indicator}」が、今年度の達成目標にありません`;
}

export function claimedWithoutEvidenceMessage(claim: string): string {
  return `${claim}ですが、達成目標のどれにも判定できる実績や結果がなく、主張を確かめられません`;
}

function yearPart(fiscalYear: number | undefined): string {
  return fiscalYear === undefined ? "" : `（${fiscalYear}年度）`;
}
