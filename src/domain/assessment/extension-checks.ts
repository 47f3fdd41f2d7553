// Two checks the format's additive keys make possible (FORMAT.md "Extensions"):
//  - a long-term target (令和7年度 850g) is judged this year against the straight path from
//    the indicator's start value to it, so a multi-year target rated yearly can say
//    "on schedule" or "behind";
//  - the second self-evaluation (達成度 0–10) beside the level (◎○△×): where the two sit far
//    apart on their scales, one of them deserves a second look.
// Neither changes a level or a score.
import { formatFiscalYearEraOnly } from "../era.ts";
import type { EvaluationScale, NumericMeasure, ScoreScale } from "../manifesto/schema.ts";
import { claimPhrase, formatNumber, formatTargetValue, targetName } from "./messages.ts";
import type { Finding, LongTermJudgement, TargetAssessment } from "./types.ts";

/** The value the path from `start` to the long-term target reaches in `fiscalYear`. */
export function pathValue(
  start: { value: number; fiscalYear: number },
  end: { target: number; fiscalYear: number },
  fiscalYear: number,
): number {
  const share = (fiscalYear - start.fiscalYear) / (end.fiscalYear - start.fiscalYear);
  // Rounded to what a document prints, so 877.4999999 reads as 877.5.
  return Math.round((start.value + (end.target - start.value) * share) * 1e6) / 1e6;
}

/**
 * Where the path starts: the baseline, else the latest reference value before this year.
 * Without either there is no path and nothing is judged.
 */
function pathStart(measure: NumericMeasure, fiscalYear: number) {
  if (measure.baseline && measure.baseline.fiscalYear < fiscalYear) return measure.baseline;
  const earlier = (measure.references ?? []).filter((r) => r.fiscalYear < fiscalYear);
  return earlier.sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
}

/** Each long-term target of a numeric measure judged against this year's actual. */
export function judgeLongTerm(
  measure: NumericMeasure,
  actual: number | undefined,
  fiscalYear: number,
): LongTermJudgement[] {
  const start = pathStart(measure, fiscalYear);
  return (measure.longTerm ?? []).flatMap((lt, index): LongTermJudgement[] => {
    if (!start || lt.fiscalYear <= start.fiscalYear) return [];
    const expected = pathValue(start, lt, Math.min(fiscalYear, lt.fiscalYear));
    const base = { index, target: lt.target, fiscalYear: lt.fiscalYear, expected };
    if (actual === undefined || measure.comparator === "=") return [base];
    const higherIsBetter = measure.comparator === ">=" || measure.comparator === ">";
    const onSchedule = higherIsBetter ? actual >= expected : actual <= expected;
    return [{ ...base, onSchedule }];
  });
}

export function longTermFindings(
  targets: readonly TargetAssessment[],
  measures: readonly (NumericMeasure | undefined)[],
): Finding[] {
  return targets.flatMap((t) =>
    (t.longTerm ?? [])
      .filter((j) => j.onSchedule === false)
      .map((j): Finding => {
        const m = measures[t.index];
        const unit = m?.unit ?? "";
        const comparator = m?.comparator ?? ">=";
        return {
          code: "long_term_behind_schedule",
          severity: "notice",
          target: t.index,
          message:
            `${targetName(t, targets.length)}の実績${formatNumber(t.actual ?? 0)}${unit}は、` +
            `${formatFiscalYearEraOnly(j.fiscalYear)}の目標${formatTargetValue(j.target, comparator, unit)}に向けた計画線` +
            `（今年度${formatNumber(j.expected)}${unit}）に届いていません。`,
        };
      }),
  );
}

/** Where a value sits on a scale, 0 (worst) to 1 (best); undefined when it is not on it. */
function positionOnLevels(levels: readonly { level: number }[], value: number): number | undefined {
  const sorted = [...new Set(levels.map((l) => l.level))].sort((a, b) => a - b);
  const rank = sorted.indexOf(value);
  if (rank < 0) return undefined;
  return sorted.length === 1 ? 1 : rank / (sorted.length - 1);
}

export function scorePosition(scale: ScoreScale, score: number): number | undefined {
  if (scale.levels) return positionOnLevels(scale.levels, score);
  if (!scale.range || scale.range.max <= scale.range.min) return undefined;
  return (score - scale.range.min) / (scale.range.max - scale.range.min);
}

/** More than half of both scales apart: ◎ (best) with 3 of 0–10, × with 8. */
export const STRONG_DISAGREEMENT = 0.5;

export function scoreDisagreement(
  level: number,
  scale: EvaluationScale,
  score: number,
  scoreScale: ScoreScale,
): Finding[] {
  const a = positionOnLevels(scale.levels, level);
  const b = scorePosition(scoreScale, score);
  if (a === undefined || b === undefined || Math.abs(a - b) <= STRONG_DISAGREEMENT) return [];
  const levelLabel = scale.levels.find((l) => l.level === level)?.label;
  return [
    {
      code: "score_disagrees_with_level",
      severity: "notice",
      message: `${claimPhrase(level, levelLabel)}ですが、${scoreText(score, scoreScale)}で、二つの評価が大きく離れています。どちらかを見直すか、理由で説明してください。`,
    },
  ];
}

/** 「達成度 3（0〜10）」、levels: 「達成度「C」」. */
export function scoreText(score: number, scale: ScoreScale): string {
  const label = scale.levels?.find((l) => l.level === score)?.label;
  if (label !== undefined) return `${scale.name}「${label}」`;
  const range = scale.range
    ? `（${formatNumber(scale.range.min)}〜${formatNumber(scale.range.max)}）`
    : "";
  return `${scale.name} ${formatNumber(score)}${range}`;
}
