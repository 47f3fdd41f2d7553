// The shapes the assessment returns. Kept apart from the rules so that the rules, the
// messages and the entry point can all depend on them without depending on each other.
import type {
  Comparator,
  EvaluationScale,
  Meaning,
  NumericMeasure,
  ScoreScale,
} from "../manifesto/schema.ts";
import type { LevelRules } from "./expected-level.ts";

export type TargetStatus = "met" | "not_met" | "unknown";

export interface TargetAssessment {
  /** 0-based position in the goal's `targets`. */
  index: number;
  /** The marker as printed (`①`); omitted when the document prints none. */
  label?: string;
  status: TargetStatus;
  kind: "numeric" | "milestone" | "none";
  /**
   * Numeric only: `difference / |target|`, positive = better than the target.
   * 204 against `<= 230` → 0.113; 49.4 against `>= 55` → −0.102. Omitted when the target is 0.
   */
  margin?: number;
  /** Numeric only: how far past (+) or short (−) of the target, in the unit. */
  difference?: number;
  actual?: number;
  target?: number;
  comparator?: Comparator;
  unit?: string;
  /** Numeric with long-term targets (FORMAT.md "Extensions"): each judged on its path. */
  longTerm?: LongTermJudgement[];
}

/**
 * A long-term target (`measure.longTerm[index]`) against the straight path from the start
 * value (baseline, else the latest earlier reference) to it: `expected` is where the path
 * is this year; `onSchedule` is omitted without an actual value or for `=`.
 */
export interface LongTermJudgement {
  index: number;
  target: number;
  fiscalYear: number;
  expected: number;
  onSchedule?: boolean;
}

/**
 * Stable codes, for programs and filters; the message is for people.
 *
 * | code                                  | severity | when                                                                |
 * |---------------------------------------|----------|---------------------------------------------------------------------|
 * | `claimed_achieved_target_not_met`     | warning  | the level claims achieved/exceeded/advanced; this target is not met |
 * | `claimed_not_achieved_all_targets_met`| notice   | the level claims not_achieved; every target of the goal is met      |
 * | `exceeded_on_milestones_only`         | notice   | the level claims exceeded; the goal's measured targets are all milestones |
 * | `exceeded_without_beaten_target`      | notice   | the level claims exceeded/advanced; no numeric target is beaten and none is unmet |
 * | `numeric_target_without_result`       | notice   | the goal is evaluated; this numeric target has no actual value      |
 * | `level_meaning_unknown`               | notice   | the goal is evaluated; what its level claims is unknown             |
 * | `unknown_policy_ref`                  | notice   | a policy reference names no code of the municipality's plan         |
 * | `claimed_without_evidence`            | notice   | the level claims achieved/exceeded/advanced; no target can be judged |
 * | `target_not_structured`               | notice   | the text states a number, the target has no measure (`proposal`)    |
 * | `target_met_by_baseline`              | warning  | the baseline already meets the target                               |
 * | `target_equals_baseline`              | notice   | the target equals the baseline (a target to maintain)               |
 * | `text_disagrees_with_measure`         | warning  | the text states another value, comparator, baseline or an old year  |
 * | `target_below_last_actual`            | warning  | last year's actual of the indicator already meets this target       |
 * | `target_lowered`                      | notice   | less ambitious than last year's target of the indicator             |
 * | `indicator_dropped`                   | notice   | an indicator of last year's manifesto is measured no more           |
 * | `level_differs_from_expected`         | notice   | stated level rules expect another level than the one claimed        |
 * | `long_term_behind_schedule`           | notice   | this year's actual is behind the path to a long-term target         |
 * | `score_disagrees_with_level`          | notice   | the second score and the level sit more than half their scales apart |
 *
 * docs/assessment-codes.md explains each with an example.
 */
export const FINDING_CODES = [
  "claimed_achieved_target_not_met",
  "claimed_not_achieved_all_targets_met",
  "exceeded_on_milestones_only",
  "exceeded_without_beaten_target",
  "numeric_target_without_result",
  "level_meaning_unknown",
  "unknown_policy_ref",
  "claimed_without_evidence",
  "target_not_structured",
  "target_met_by_baseline",
  "target_equals_baseline",
  "text_disagrees_with_measure",
  "target_below_last_actual",
  "target_lowered",
  "indicator_dropped",
  "level_differs_from_expected",
  "long_term_behind_schedule",
  "score_disagrees_with_level",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The measure read from a target's text (target_not_structured): ready to register. */
export interface FindingProposal {
  kind: "numeric";
  indicator: string;
  unit: string;
  comparator: Comparator;
  target: number;
  baseline?: { value: number; fiscalYear: number };
}

export interface Finding {
  code: FindingCode;
  severity: "warning" | "notice";
  /** 0-based index of the target the finding is about. */
  target?: number;
  /** Japanese, in plain words, for reviewers and citizens. */
  message: string;
  /** target_not_structured only: the measure the text proposes. */
  proposal?: FindingProposal;
}

export interface GoalAssessment {
  number: number;
  level?: number;
  levelLabel?: string;
  claim?: Meaning;
  /**
   * The level the evidence supports by the municipality's level rules (or the default rules
   * read from the scale); omitted when no rule holds. Shown beside `level`; never replaces it.
   */
  expectedLevel?: number;
  /** The second self-evaluation (`evaluation.score`), shown beside `level`. */
  score?: number;
  /** How the score reads: 「達成度 6（0〜10）」. */
  scoreText?: string;
  targets: TargetAssessment[];
  findings: Finding[];
}

export interface ManifestoAssessment {
  goals: GoalAssessment[];
  summary: {
    targets: { met: number; not_met: number; unknown: number };
    warnings: number;
    notices: number;
  };
}

export interface AssessOptions {
  /** The municipality's scale, used when the document carries none. */
  scale?: EvaluationScale;
  /** Scales a level without `meaning` may borrow it from by label; default [DEFAULT_SCALE]. */
  knownScales?: EvaluationScale[];
  /** Known policy-reference codes of the plan; omitted or empty = references are not checked. */
  planCodes?: string[];
  /**
   * Last year's numeric targets of the same department, for the checks against history
   * (target_below_last_actual, target_lowered, indicator_dropped); omitted = not checked.
   * From a document: `lastYearFromDocument`; the service reads them from the read model.
   */
  lastYear?: { fiscalYear: number; indicators: readonly LastYearIndicator[] };
  /**
   * The municipality's own rules for the level the evidence supports. Given: each goal's
   * `expectedLevel` follows them and a differing self-evaluation gets the notice
   * level_differs_from_expected. Omitted: `expectedLevel` follows the default rules read from
   * the scale, and no notice is given (nobody stated those rules).
   */
  levelRules?: LevelRules;
  /** The municipality's second score scale, used when the document carries none (issue 17). */
  scoreScale?: ScoreScale;
}

/** One numeric target of last year's manifesto of the department. */
export interface LastYearIndicator {
  goal: number;
  indicator: string;
  measure: Pick<NumericMeasure, "unit" | "comparator" | "target">;
  actual?: number;
}
