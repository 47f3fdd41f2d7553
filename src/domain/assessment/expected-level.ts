// The level the evidence supports, by the municipality's own rules (issue 11, item 5), and
// the figures built on it: how many self-evaluations agree with the evidence, and how far
// past their targets the actual values land (actual ÷ target), so that targets set to be
// just reached show up. Pure: rules in, assessments in, figures out.
import { z } from "zod";
import type { EvaluationScale } from "../manifesto/schema.ts";
import type { GoalAssessment, TargetAssessment } from "./types.ts";

/**
 * One rule: when the goal's targets are in this state, the evidence supports `level`.
 * The first rule that holds wins; when none holds, no level is expected.
 * - `all_met`: the goal has targets, every one can be judged and is met.
 * - `all_met_and_beaten`: as all_met, and at least one numeric target is beaten by `margin`
 *   or more (0.1 = 10% past the target, the assessment's `margin`).
 * - `any_not_met`: at least one target is judged not met.
 */
export const levelRuleSchema = z.discriminatedUnion("when", [
  z.strictObject({ when: z.literal("all_met"), level: z.number().int() }),
  z.strictObject({
    when: z.literal("all_met_and_beaten"),
    margin: z.number().positive().max(100),
    level: z.number().int(),
  }),
  z.strictObject({ when: z.literal("any_not_met"), level: z.number().int() }),
]);
export type LevelRule = z.infer<typeof levelRuleSchema>;

export const levelRulesSchema = z.strictObject({
  rules: z.array(levelRuleSchema).min(1).max(20),
});
export type LevelRules = z.infer<typeof levelRulesSchema>;

/** 10% past the target: the default line between "achieved" and "exceeded". */
export const DEFAULT_EXCEEDED_MARGIN = 0.1;

/**
 * The rules used when the municipality states none, read from its scale's meanings:
 * exceeded ← all met and one beaten by 10%; achieved ← all met; not_achieved ← any not met.
 * A scale without those meanings gives fewer rules (possibly none).
 */
export function defaultLevelRules(scale: EvaluationScale): LevelRules {
  const levelOf = (meaning: string) => scale.levels.find((l) => l.meaning === meaning)?.level;
  const rules: LevelRule[] = [];
  const exceeded = levelOf("exceeded");
  const achieved = levelOf("achieved");
  const notAchieved = levelOf("not_achieved");
  if (exceeded !== undefined) {
    rules.push({ when: "all_met_and_beaten", margin: DEFAULT_EXCEEDED_MARGIN, level: exceeded });
  }
  if (achieved !== undefined) rules.push({ when: "all_met", level: achieved });
  if (notAchieved !== undefined) rules.push({ when: "any_not_met", level: notAchieved });
  return { rules };
}

/** Levels named by the rules that the scale does not have (for the settings' validation). */
export function levelsMissingFromScale(rules: LevelRules, scale: EvaluationScale): number[] {
  const known = new Set(scale.levels.map((l) => l.level));
  return [...new Set(rules.rules.map((r) => r.level).filter((l) => !known.has(l)))];
}

// Compared with a hair of tolerance: a margin of 0.1 typed and 0.09999999 computed are equal.
const MARGIN_TOLERANCE = 1e-9;

function holds(rule: LevelRule, targets: readonly TargetAssessment[]): boolean {
  const allMet = targets.length > 0 && targets.every((t) => t.status === "met");
  switch (rule.when) {
    case "all_met":
      return allMet;
    case "all_met_and_beaten":
      return (
        allMet &&
        targets.some((t) => t.margin !== undefined && t.margin >= rule.margin - MARGIN_TOLERANCE)
      );
    case "any_not_met":
      return targets.some((t) => t.status === "not_met");
  }
}

/** The level the evidence supports, or undefined when no rule holds. */
export function expectedLevel(
  rules: LevelRules,
  targets: readonly TargetAssessment[],
): number | undefined {
  return rules.rules.find((r) => holds(r, targets))?.level;
}

/**
 * Achievement ratio of one numeric target: actual ÷ target where more is better, target ÷
 * actual where less is better (a rank of 204 against 230位以内 → 1.13). Undefined for `=`,
 * without an actual value, or when a zero or a sign change makes the ratio meaningless.
 */
export function achievementRatio(t: TargetAssessment): number | undefined {
  if (t.kind !== "numeric" || t.actual === undefined || t.target === undefined) return undefined;
  if (t.actual <= 0 || t.target <= 0) return undefined;
  switch (t.comparator) {
    case ">=":
    case ">":
      return t.actual / t.target;
    case "<=":
    case "<":
      return t.target / t.actual;
    default:
      return undefined;
  }
}

/** The bins of the ratio distribution; `justReached` marks the one of targets just reached. */
export const RATIO_BINS = [
  { key: "below_90", label: "90%未満", from: Number.NEGATIVE_INFINITY, to: 0.9 },
  { key: "90_100", label: "90%以上100%未満", from: 0.9, to: 1 },
  { key: "100_105", label: "100%以上105%未満", from: 1, to: 1.05, justReached: true },
  { key: "105_120", label: "105%以上120%未満", from: 1.05, to: 1.2 },
  { key: "120_150", label: "120%以上150%未満", from: 1.2, to: 1.5 },
  { key: "150_up", label: "150%以上", from: 1.5, to: Number.POSITIVE_INFINITY },
] as const;
export type RatioBinKey = (typeof RATIO_BINS)[number]["key"];

export interface RatioBin {
  key: RatioBinKey;
  label: string;
  count: number;
  justReached: boolean;
}

// Bin edges compared after rounding to 9 digits, so that 105 ÷ 100 lands in 105% and not below.
function binOf(ratio: number): RatioBinKey {
  const r = Number(ratio.toFixed(9));
  const bin = RATIO_BINS.find((b) => r >= b.from && r < b.to);
  return bin?.key ?? "150_up";
}

export interface ConsistencyFigures {
  /** Goals with both a self-evaluation and an expected level. */
  compared: number;
  /** Of those, the goals whose level equals the expected one. */
  agreeing: number;
  /** agreeing ÷ compared, or null when nothing could be compared. */
  share: number | null;
  /** Numeric targets with an achievement ratio. */
  ratios: number;
  distribution: RatioBin[];
}

/** The figures of a set of assessed goals (one department's year, or all of them). */
export function consistencyFigures(goals: readonly GoalAssessment[]): ConsistencyFigures {
  let compared = 0;
  let agreeing = 0;
  const counts = new Map<RatioBinKey, number>();
  let ratios = 0;
  for (const goal of goals) {
    if (goal.level !== undefined && goal.expectedLevel !== undefined) {
      compared += 1;
      if (goal.level === goal.expectedLevel) agreeing += 1;
    }
    for (const t of goal.targets) {
      const ratio = achievementRatio(t);
      if (ratio === undefined) continue;
      ratios += 1;
      const key = binOf(ratio);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return {
    compared,
    agreeing,
    share: compared === 0 ? null : agreeing / compared,
    ratios,
    distribution: RATIO_BINS.map((b) => ({
      key: b.key,
      label: b.label,
      count: counts.get(b.key) ?? 0,
      justReached: "justReached" in b && b.justReached,
    })),
  };
}

/** 「4件中3件（75%）」, or 「比べられる目標なし」: the same words on the dashboard and the portal. */
export function consistencyShareText(f: Pick<ConsistencyFigures, "compared" | "agreeing">): string {
  if (f.compared === 0) return "比べられる目標なし";
  return `${f.compared}件中${f.agreeing}件（${Math.round((f.agreeing / f.compared) * 100)}%）`;
}
