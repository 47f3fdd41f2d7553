// The assessment (PRODUCT.md): each target met / not met / unknown with its margin, and each
// goal's self-evaluation held against its targets. It only shows evidence beside the human
// judgement; it never changes a level.
import { DEFAULT_SCALE, meaningOf } from "../manifesto/default-scale.ts";
import type {
  EvaluationScale,
  Goal,
  ManifestoDocument,
  NumericMeasure,
  ScoreScale,
  Target,
} from "../manifesto/schema.ts";
import { comparisonKey } from "../text.ts";
import { defaultLevelRules, expectedLevel, type LevelRules } from "./expected-level.ts";
import {
  judgeLongTerm,
  longTermFindings,
  scoreDisagreement,
  scoreText,
} from "./extension-checks.ts";
import {
  claimFindings,
  levelMeaningUnknown,
  numericTargetsWithoutResult,
  unknownPolicyRefFindings,
} from "./findings.ts";
import {
  droppedIndicators,
  historyFindings,
  indicatorDroppedFinding,
  indicatorsByKey,
} from "./history-checks.ts";
import { claimPhrase } from "./messages.ts";
import { planFindings } from "./plan-checks.ts";
import { knownPolicyRefKeys, unknownRefs } from "./policy-ref-check.ts";
import { assessTarget } from "./target-status.ts";
import type {
  AssessOptions,
  Finding,
  FindingCode,
  GoalAssessment,
  LastYearIndicator,
  ManifestoAssessment,
  TargetAssessment,
} from "./types.ts";

export type { Comparator } from "../manifesto/schema.ts";
export {
  achievementRatio,
  type ConsistencyFigures,
  consistencyFigures,
  consistencyShareText,
  defaultLevelRules,
  expectedLevel,
  type LevelRule,
  type LevelRules,
  levelRulesSchema,
  levelsMissingFromScale,
  RATIO_BINS,
} from "./expected-level.ts";
export { pathValue, STRONG_DISAGREEMENT, scoreText } from "./extension-checks.ts";
export { indicatorsByKey, lastYearFromDocument } from "./history-checks.ts";
export { assessTarget } from "./target-status.ts";
export type {
  AssessOptions,
  Finding,
  FindingCode,
  FindingProposal,
  GoalAssessment,
  LastYearIndicator,
  LongTermJudgement,
  ManifestoAssessment,
  TargetAssessment,
  TargetStatus,
} from "./types.ts";

/** The codes of the checks made when a target is set (shown in the plan and its review). */
export const PLAN_TIME_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "target_not_structured",
  "target_met_by_baseline",
  "target_equals_baseline",
  "text_disagrees_with_measure",
  "target_below_last_actual",
  "target_lowered",
  "indicator_dropped",
]);

interface DocumentContext {
  scale: EvaluationScale;
  scoreScale?: ScoreScale;
  knownScales: readonly EvaluationScale[];
  knownPolicyRefs: ReadonlySet<string>;
  fiscalYear: number;
  lastYear?: { fiscalYear: number; indicators: ReadonlyMap<string, LastYearIndicator> };
  levelRules: LevelRules;
  /** Whether the rules were stated by the municipality (only then a difference is told). */
  levelRulesStated: boolean;
}

/**
 * The checks of one target as it is set: its text, its baseline and, given last year's
 * series of the department, last year's target and actual. The editor shows these beside
 * the target as it is typed; the assessment gives them on the target's goal.
 */
export function targetPlanFindings(
  target: Target,
  ref: { index: number; label?: string; count: number },
  fiscalYear: number,
  lastYear?: { fiscalYear: number; indicators: ReadonlyMap<string, LastYearIndicator> },
): Finding[] {
  const findings = planFindings(target, ref, fiscalYear);
  const measure = target.measure;
  if (lastYear !== undefined && measure?.kind === "numeric") {
    findings.push(
      ...historyFindings(
        measure,
        ref,
        lastYear.indicators.get(comparisonKey(measure.indicator)),
        lastYear.fiscalYear,
        { baselineAlreadyMeets: findings.some((f) => f.code === "target_met_by_baseline") },
      ),
    );
  }
  return findings;
}

/** The checks of targets as they are set: the text, the baseline, last year's series. */
function targetFindings(goal: Goal, ctx: DocumentContext): Finding[] {
  const targets = goal.targets ?? [];
  return targets.flatMap((target, index) => {
    const label = target.label?.trim() ? target.label : undefined;
    const ref = { index, ...(label !== undefined && { label }), count: targets.length };
    return targetPlanFindings(target, ref, ctx.fiscalYear, ctx.lastYear);
  });
}

function yearEndFindings(goal: Goal, targets: TargetAssessment[], ctx: DocumentContext) {
  const evaluation = goal.evaluation;
  if (evaluation === undefined) return { findings: [] as Finding[] };
  const level = evaluation.level;
  const levelLabel = ctx.scale.levels.find((l) => l.level === level)?.label;
  const claim = meaningOf(ctx.scale, level, ctx.knownScales);
  const findings: Finding[] = [];
  if (claim === undefined) {
    findings.push(levelMeaningUnknown(level, levelLabel, ctx.scale.name));
  } else {
    findings.push(
      ...claimFindings({
        claim,
        claimText: claimPhrase(level, levelLabel),
        targets,
        milestoneResults: (goal.targets ?? []).map((t) => t.result?.status),
      }),
    );
  }
  findings.push(...numericTargetsWithoutResult(targets));
  return { level, levelLabel, claim, findings };
}

function levelLabelOf(scale: EvaluationScale, level: number): string | undefined {
  return scale.levels.find((l) => l.level === level)?.label;
}

function levelDiffersFinding(level: number, expected: number, scale: EvaluationScale): Finding {
  const expectedLabel = levelLabelOf(scale, expected);
  const expectedText =
    expectedLabel === undefined ? `${expected}` : `「${expectedLabel}」（${expected}）`;
  return {
    code: "level_differs_from_expected",
    severity: "notice",
    message: `${claimPhrase(level, levelLabelOf(scale, level))}ですが、定めた判定基準では目標の実績から${expectedText}となります。`,
  };
}

/** Each target's status, with its long-term targets judged on their paths. */
function assessTargets(goal: Goal, fiscalYear: number): TargetAssessment[] {
  return (goal.targets ?? []).map((target, index) => {
    const assessed = assessTarget(target, index);
    const measure = target.measure;
    if (measure?.kind !== "numeric" || !measure.longTerm?.length) return assessed;
    const longTerm = judgeLongTerm(measure, target.result?.actual, fiscalYear);
    return longTerm.length > 0 ? { ...assessed, longTerm } : assessed;
  });
}

function scoreOf(goal: Goal, ctx: DocumentContext) {
  const score = goal.evaluation?.score;
  if (score === undefined || ctx.scoreScale === undefined) return {};
  return { score, scoreText: scoreText(score, ctx.scoreScale) };
}

function assessGoal(goal: Goal, ctx: DocumentContext): GoalAssessment {
  const targets = assessTargets(goal, ctx.fiscalYear);
  const { level, levelLabel, claim, findings } = yearEndFindings(goal, targets, ctx);
  const score = goal.evaluation?.score;
  if (level !== undefined && score !== undefined && ctx.scoreScale !== undefined) {
    findings.push(...scoreDisagreement(level, ctx.scale, score, ctx.scoreScale));
  }
  const measures = (goal.targets ?? []).map((t): NumericMeasure | undefined =>
    t.measure?.kind === "numeric" ? t.measure : undefined,
  );
  findings.push(...longTermFindings(targets, measures));
  const expected = expectedLevel(ctx.levelRules, targets);
  if (ctx.levelRulesStated && level !== undefined && expected !== undefined && level !== expected) {
    findings.push(levelDiffersFinding(level, expected, ctx.scale));
  }
  findings.push(...targetFindings(goal, ctx));
  if (goal.policyRefs !== undefined) {
    findings.push(...unknownPolicyRefFindings(unknownRefs(goal.policyRefs, ctx.knownPolicyRefs)));
  }
  return {
    number: goal.number,
    ...(level !== undefined && { level }),
    ...(levelLabel !== undefined && { levelLabel }),
    ...(claim !== undefined && { claim }),
    ...(expected !== undefined && { expectedLevel: expected }),
    ...scoreOf(goal, ctx),
    targets,
    findings,
  };
}

/**
 * A dropped indicator belongs to no target of this year: it is told on the goal with last
 * year's goal number, else on the first goal, so that `goals[].findings[]` stays the one list.
 */
function attachDroppedIndicators(
  doc: ManifestoDocument,
  goals: GoalAssessment[],
  lastYear: NonNullable<DocumentContext["lastYear"]>,
): void {
  for (const dropped of droppedIndicators(doc, lastYear.indicators)) {
    const goal = goals.find((g) => g.number === dropped.goal) ?? goals[0];
    goal?.findings.push(indicatorDroppedFinding(lastYear.fiscalYear, dropped));
  }
}

function summarise(goals: readonly GoalAssessment[]): ManifestoAssessment["summary"] {
  const summary = { targets: { met: 0, not_met: 0, unknown: 0 }, warnings: 0, notices: 0 };
  for (const goal of goals) {
    for (const t of goal.targets) summary.targets[t.status] += 1;
    for (const f of goal.findings) {
      if (f.severity === "warning") summary.warnings += 1;
      else summary.notices += 1;
    }
  }
  return summary;
}

/** The scale with each level's meaning filled in where it borrows it by label. */
function scaleWithMeanings(scale: EvaluationScale, options: AssessOptions): EvaluationScale {
  const known = options.knownScales ?? [DEFAULT_SCALE];
  return {
    ...scale,
    levels: scale.levels.map((l) => {
      const meaning = l.meaning ?? meaningOf(scale, l.level, known);
      return meaning === undefined ? l : { ...l, meaning };
    }),
  };
}

/**
 * The scale is the document's own, else the municipality's (`options.scale`), else the
 * default. A level written without `meaning` borrows it by label from `options.knownScales`.
 */
export function assessManifesto(
  doc: ManifestoDocument,
  options: AssessOptions = {},
): ManifestoAssessment {
  const scale = doc.evaluationScale ?? options.scale ?? DEFAULT_SCALE;
  const ctx: DocumentContext = {
    scale,
    ...((doc.scoreScale ?? options.scoreScale) !== undefined && {
      scoreScale: doc.scoreScale ?? options.scoreScale,
    }),
    levelRules: options.levelRules ?? defaultLevelRules(scaleWithMeanings(scale, options)),
    levelRulesStated: options.levelRules !== undefined,
    knownScales: options.knownScales ?? [DEFAULT_SCALE],
    knownPolicyRefs: knownPolicyRefKeys(options.planCodes ?? []),
    fiscalYear: doc.fiscalYear,
    ...(options.lastYear !== undefined && {
      lastYear: {
        fiscalYear: options.lastYear.fiscalYear,
        indicators: indicatorsByKey(options.lastYear.indicators),
      },
    }),
  };
  const goals = doc.goals.map((goal) => assessGoal(goal, ctx));
  if (ctx.lastYear !== undefined) attachDroppedIndicators(doc, goals, ctx.lastYear);
  return { goals, summary: summarise(goals) };
}
