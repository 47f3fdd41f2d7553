// The open-data table: one row per target (a goal without targets gets one row with the
// target columns empty). The CSV and the Excel sheet 「達成目標一覧」 are both written from it;
// the columns are documented in docs/open-data-csv.md (a test keeps the two in step).
import { formatFiscalYearEraOnly } from "../../domain/era.ts";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import type {
  EvaluationScale,
  Goal,
  ManifestoDocument,
  NumericMeasure,
  ScoreScale,
} from "../../domain/manifesto/schema.ts";
import { tagLabel, vocabulariesOf } from "../../domain/manifesto/tags.ts";
import { COMPARATOR_WORDS, KIND_WORDS, STATUS_WORDS } from "../xlsx/vocabulary.ts";
import { plainNumber } from "./safe-csv.ts";

export type TargetStatus = "met" | "not_met" | "unknown";

export const TARGET_STATUS_WORDS: Record<TargetStatus, string> = {
  met: "達成",
  not_met: "未達成",
  unknown: "不明",
};

/** Japanese column name (what the file shows) and English key (what programs may use). */
export const OPEN_DATA_COLUMNS = [
  { key: "municipality_code", name: "全国地方公共団体コード" },
  { key: "prefecture_name", name: "都道府県名" },
  { key: "municipality_name", name: "市区町村名" },
  { key: "fiscal_year", name: "年度" },
  { key: "fiscal_year_ja", name: "年度（和暦）" },
  { key: "department_name", name: "部局名" },
  { key: "department_code", name: "部局コード" },
  { key: "goal_number", name: "目標番号" },
  { key: "mission", name: "組織使命" },
  { key: "goal", name: "目標" },
  { key: "policy_refs", name: "関連施策" },
  { key: "target_number", name: "達成目標番号" },
  { key: "target_label", name: "達成目標記号" },
  { key: "target", name: "達成目標" },
  { key: "measure_kind", name: "目標の種別" },
  { key: "indicator", name: "指標名" },
  { key: "unit", name: "単位" },
  { key: "comparator", name: "比較" },
  { key: "baseline_value", name: "基準値" },
  { key: "baseline_fiscal_year", name: "基準年度" },
  { key: "target_value", name: "目標値" },
  { key: "actual_value", name: "実績値" },
  { key: "result_status", name: "実績の区分" },
  { key: "result_text", name: "実績" },
  { key: "status", name: "達成状況" },
  { key: "self_evaluation", name: "自己評価" },
  { key: "self_evaluation_label", name: "自己評価の区分名" },
  { key: "reason", name: "自己評価の理由" },
  // Added with the format's extensions (FORMAT.md "Extensions"), after every older column so
  // that programs reading columns by position keep working.
  { key: "owner_unit", name: "担当所属" },
  { key: "owner_head", name: "所属長" },
  { key: "owner_phone", name: "所属の電話番号" },
  { key: "plan", name: "今年度の目標" },
  { key: "goal_tags", name: "目標のタグ" },
  { key: "target_tags", name: "達成目標のタグ" },
  { key: "measure_period", name: "集計期間" },
  { key: "reference_values", name: "参考値" },
  { key: "long_term_target_value", name: "長期目標値" },
  { key: "long_term_fiscal_year", name: "長期目標年度" },
  { key: "score_name", name: "第二の評価の名称" },
  { key: "score", name: "第二の評価" },
  { key: "evaluation_as_of", name: "評価日" },
  { key: "evaluation_result", name: "成果・実績" },
  { key: "issues", name: "課題" },
  { key: "next_steps", name: "今後の取組" },
  { key: "budget", name: "予算" },
  { key: "expected_level", name: "実績から見込まれる段階" },
  { key: "self_evaluation_agrees", name: "自己評価と実績の一致" },
] as const;

export type OpenDataKey = (typeof OPEN_DATA_COLUMNS)[number]["key"];
export type OpenDataRecord = Partial<Record<OpenDataKey, string | number>>;

/** Where met / not met comes from when no assessment is given with a document. */
export type StatusOf = (
  doc: ManifestoDocument,
  goalIndex: number,
  targetIndex: number,
) => TargetStatus | undefined;

export interface OpenDataInput {
  doc: ManifestoDocument;
  /** The result of assessManifesto(doc) (src/domain/assessment): read for each target's status. */
  assessment?: unknown;
}

export interface OpenDataOptions {
  /** The municipality's scale, for documents that carry none. */
  scale?: EvaluationScale;
  statusOf?: StatusOf;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * The status the assessment gave a target. Read by shape rather than by type, so this report
 * does not depend on the assessment module's internals: `goals[g].targets[t].status`.
 */
function assessedGoal(
  assessment: unknown,
  goalIndex: number,
  goalNumber: number,
): Record<string, unknown> | undefined {
  if (!isRecord(assessment) || !Array.isArray(assessment.goals)) return undefined;
  const goals: unknown[] = assessment.goals;
  const byIndex = goals[goalIndex];
  const goal =
    isRecord(byIndex) && (byIndex.number === undefined || byIndex.number === goalNumber)
      ? byIndex
      : goals.find((g) => isRecord(g) && g.number === goalNumber);
  return isRecord(goal) ? goal : undefined;
}

/**
 * The level the evidence supports by the municipality's level rules, as the assessment gave
 * it (`goals[g].expectedLevel`); undefined when no rule holds or no assessment was given.
 */
export function assessedExpectedLevel(
  assessment: unknown,
  goalIndex: number,
  goalNumber: number,
): number | undefined {
  const level = assessedGoal(assessment, goalIndex, goalNumber)?.expectedLevel;
  return typeof level === "number" ? level : undefined;
}

export function assessedStatus(
  assessment: unknown,
  goalIndex: number,
  goalNumber: number,
  targetIndex: number,
): TargetStatus | undefined {
  const goal = assessedGoal(assessment, goalIndex, goalNumber);
  if (goal === undefined || !Array.isArray(goal.targets)) return undefined;
  const target: unknown = goal.targets[targetIndex];
  const status = isRecord(target) ? target.status : undefined;
  return status === "met" || status === "not_met" || status === "unknown" ? status : undefined;
}

export function openDataRecords(
  inputs: readonly OpenDataInput[],
  options: OpenDataOptions = {},
): OpenDataRecord[] {
  const out: OpenDataRecord[] = [];
  for (const { doc, assessment } of inputs) {
    const scale = doc.evaluationScale ?? options.scale ?? DEFAULT_SCALE;
    doc.goals.forEach((goal, g) => {
      const level = goal.evaluation?.level;
      const expected = assessedExpectedLevel(assessment, g, goal.number);
      const goalPart: OpenDataRecord = {
        municipality_code: doc.municipality.code,
        prefecture_name: doc.municipality.prefecture,
        municipality_name: doc.municipality.name,
        fiscal_year: doc.fiscalYear,
        fiscal_year_ja: formatFiscalYearEraOnly(doc.fiscalYear),
        department_name: doc.department.name,
        department_code: doc.department.code,
        goal_number: goal.number,
        mission: goal.mission,
        goal: goal.title,
        policy_refs: goal.policyRefs?.join("、"),
        self_evaluation: level,
        self_evaluation_label:
          level === undefined ? undefined : scale.levels.find((l) => l.level === level)?.label,
        reason: goal.evaluation?.reason,
        expected_level: level === undefined ? undefined : expected,
        self_evaluation_agrees:
          level === undefined || expected === undefined
            ? undefined
            : level === expected
              ? "一致"
              : "異なる",
        ...extensionGoalPart(doc, goal),
      };
      const targets = goal.targets ?? [];
      if (targets.length === 0) out.push(goalPart);
      targets.forEach((t, i) => {
        const m = t.measure;
        const numeric = m?.kind === "numeric" ? m : undefined;
        const status =
          assessedStatus(assessment, g, goal.number, i) ??
          options.statusOf?.(doc, g, i) ??
          "unknown";
        out.push({
          ...goalPart,
          target_number: i + 1,
          target_label: t.label,
          target: t.text,
          measure_kind: m ? KIND_WORDS[m.kind] : undefined,
          indicator: numeric?.indicator,
          unit: numeric?.unit,
          comparator: numeric ? COMPARATOR_WORDS[numeric.comparator] : undefined,
          baseline_value: numeric?.baseline?.value,
          baseline_fiscal_year: numeric?.baseline?.fiscalYear,
          target_value: numeric?.target,
          actual_value: t.result?.actual,
          result_status: t.result?.status ? STATUS_WORDS[t.result.status] : undefined,
          result_text: t.result?.text,
          // A milestone judged partly achieved is said so, not 未達成 (issue #11).
          status:
            m?.kind === "milestone" && t.result?.status === "partial"
              ? STATUS_WORDS.partial
              : TARGET_STATUS_WORDS[status],
          ...extensionTargetPart(tagsText(doc, t.tags), numeric),
        });
      });
    });
  }
  return out;
}

/** Several values in one cell, as the other list columns write them (関連施策). */
const joined = (xs: readonly (string | number)[] | undefined) =>
  xs && xs.length > 0 ? xs.join("、") : undefined;

function tagsText(doc: ManifestoDocument, tags: readonly string[] | undefined) {
  const vocabularies = vocabulariesOf(doc);
  return joined(tags?.map((t) => tagLabel(vocabularies, t)));
}

function scoreName(scale: ScoreScale | undefined, score: number | undefined) {
  if (scale === undefined || score === undefined) return undefined;
  return scale.name;
}

function extensionGoalPart(doc: ManifestoDocument, goal: Goal): OpenDataRecord {
  const owner = goal.owner;
  const head = [owner?.head?.title, owner?.head?.name].filter((x) => x).join(" ");
  const e = goal.evaluation;
  return {
    owner_unit: owner?.unit,
    owner_head: head === "" ? undefined : head,
    owner_phone: owner?.contact?.phone,
    plan: goal.plan,
    goal_tags: tagsText(doc, goal.tags),
    score_name: scoreName(doc.scoreScale, e?.score),
    score: e?.score,
    evaluation_as_of: e?.asOf,
    evaluation_result: e?.result,
    issues: e?.issues,
    next_steps: e?.nextSteps,
    budget: joined(goal.budget?.map((b) => `${b.label} ${plainNumber(b.amount)}${b.unit}`)),
  };
}

function extensionTargetPart(
  targetTags: string | undefined,
  numeric: NumericMeasure | undefined,
): OpenDataRecord {
  return {
    target_tags: targetTags,
    measure_period: numeric?.period === "calendar" ? "暦年" : undefined,
    reference_values: joined(
      numeric?.references?.map(
        (r) => `${plainNumber(r.value)}（${r.fiscalYear}年度${r.label ? ` ${r.label}` : ""}）`,
      ),
    ),
    long_term_target_value: joined(numeric?.longTerm?.map((l) => plainNumber(l.target))),
    long_term_fiscal_year: joined(numeric?.longTerm?.map((l) => l.fiscalYear)),
  };
}
