// A goal as text, in the same layout as the form: for those who may only read, for the plan
// while the year-end evaluation is written, and for published content.

import { formatTargetValue } from "../../../domain/assessment/messages.ts";
import type { GoalAssessment } from "../../../domain/assessment/types.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import type { EvaluationScale, Goal, Measure, Target } from "../../../domain/manifesto/schema.ts";
import { circled } from "../../api/japanese-messages.ts";
import { DocText } from "../../components/doc-text.tsx";
import { Findings, ResultStatusLine } from "./findings.tsx";

export function measureSummary(measure: Measure | undefined): string | null {
  if (!measure) return null;
  if (measure.kind === "milestone") return "数値のない目標（達成・未達成で判断）";
  const target = formatTargetValue(measure.target, measure.comparator, measure.unit);
  const baseline = measure.baseline
    ? `／基準：${measure.baseline.value}${measure.unit}（${formatFiscalYear(measure.baseline.fiscalYear)}）`
    : "";
  return `指標：${measure.indicator}／目標：${target}${baseline}`;
}

function Bullets({ items, empty }: { items: readonly string[] | undefined; empty: string }) {
  if (!items || items.length === 0) return <p className="list-empty">{empty}</p>;
  return (
    <ul className="view-bullets">
      {items.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: plain texts in order
        <li key={i}>
          <DocText text={b} />
        </li>
      ))}
    </ul>
  );
}

export function TargetView({ target, index }: { target: Target; index: number }) {
  const summary = measureSummary(target.measure);
  return (
    <li className="target-view">
      <span className="target-marker">{target.label || circled(index + 1)}</span>
      <div>
        <p>
          <DocText text={target.text} />
        </p>
        {summary && <p className="measure-summary">{summary}</p>}
      </div>
    </li>
  );
}

export function GoalPlanView({ goal }: { goal: Goal }) {
  return (
    <div className="goal-grid goal-grid-view">
      <div className="goal-col goal-col-mission">
        {goal.owner?.unit ? (
          <>
            <h3 className="view-label">担当所属</h3>
            <p className="view-text">
              {goal.owner.unit}
              {goal.owner.head?.name
                ? `（${[goal.owner.head.title, goal.owner.head.name].filter(Boolean).join(" ")}）`
                : ""}
            </p>
          </>
        ) : null}
        <h3 className="view-label">組織使命</h3>
        <p className="view-text">
          <DocText text={goal.mission ?? "なし"} />
        </p>
        {goal.plan ? (
          <>
            <h3 className="view-label">今年度の目標</h3>
            <p className="view-text">
              <DocText text={goal.plan} />
            </p>
          </>
        ) : null}
        {goal.tags && goal.tags.length > 0 ? (
          <>
            <h3 className="view-label">タグ</h3>
            <p className="view-text">{goal.tags.join("、")}</p>
          </>
        ) : null}
        <h3 className="view-label">組織使命達成に向けての目標</h3>
        <p className="view-text goal-title-text">
          <DocText text={goal.title} />
        </p>
        <h3 className="view-label">関連の施策・基本事業番号</h3>
        <p className="view-text">
          {goal.policyRefs && goal.policyRefs.length > 0 ? goal.policyRefs.join("、") : "なし"}
        </p>
      </div>
      <div className="goal-col goal-col-level">
        <h3 className="view-label">〈現在の状態〉</h3>
        <Bullets items={goal.currentState} empty="記載なし" />
        <h3 className="view-label">〈達成目標〉</h3>
        {goal.targets && goal.targets.length > 0 ? (
          <ol className="targets-view">
            {goal.targets.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: targets in order
              <TargetView key={i} target={t} index={i} />
            ))}
          </ol>
        ) : (
          <p className="list-empty">記載なし</p>
        )}
        <h3 className="view-label">
          <span aria-hidden="true">※</span>目標が達成した状態
        </h3>
        <p className="view-text">
          <DocText text={goal.desiredState || "記載なし"} />
        </p>
      </div>
      <div className="goal-col goal-col-means">
        <h3 className="view-label">目標を達成するための手段</h3>
        <Bullets items={goal.means} empty="記載なし" />
      </div>
    </div>
  );
}

const STATUS_WORDS = { achieved: "達成", partial: "一部達成", not_achieved: "未達成" } as const;

/** The level the targets' results support, beside the claimed one; in words, not colour. */
function ExpectedLevel(props: {
  level: number | undefined;
  scale: EvaluationScale;
  assessment: GoalAssessment | undefined;
}) {
  const expected = props.assessment?.expectedLevel;
  if (props.level === undefined || expected === undefined) return null;
  const label = props.scale.levels.find((l) => l.level === expected)?.label;
  return (
    <p className="hint expected-level">
      実績から見込まれる段階：{expected}
      {label ? ` ${label}` : ""}
      {expected === props.level ? "（自己評価と一致）" : "（自己評価と異なる）"}
    </p>
  );
}

/** The year-end results and self-evaluation as text, with the assessment beside them. */
export function GoalResultsView(props: {
  goal: Goal;
  scale: EvaluationScale;
  assessment: GoalAssessment | undefined;
}) {
  const { goal, scale, assessment } = props;
  const hasResults = goal.evaluation || (goal.targets ?? []).some((t) => t.result);
  if (!hasResults) return null;
  const level = scale.levels.find((l) => l.level === goal.evaluation?.level);
  return (
    <div className="evaluation-grid evaluation-view">
      <div>
        <h4 className="view-label">結果</h4>
        <ol className="targets-view">
          {(goal.targets ?? []).map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: targets in order
            <li key={i} className="target-view">
              <span className="target-marker">{t.label || circled(i + 1)}</span>
              <div>
                {t.result?.text && (
                  <p className="view-text">
                    <DocText text={t.result.text} />
                  </p>
                )}
                {t.result?.actual !== undefined && (
                  <p>
                    実績値：{t.result.actual}
                    {t.measure?.kind === "numeric" ? t.measure.unit : ""}
                  </p>
                )}
                {t.result?.status && <p>達成状況：{STATUS_WORDS[t.result.status]}</p>}
                {!t.result && <p className="list-empty">記載なし</p>}
                <ResultStatusLine
                  assessment={assessment?.targets[i]}
                  milestoneResult={t.result?.status}
                />
              </div>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h4 className="view-label">達成状況（自己評価）</h4>
        <p className="level-view">
          {goal.evaluation ? (
            <>
              <strong className="level-number">{goal.evaluation.level}</strong>{" "}
              {level?.label ?? "（評価基準にない段階）"}
            </>
          ) : (
            "未評価"
          )}
        </p>
        {assessment?.scoreText ? (
          // The second self-evaluation beside the level, as the document publishes both.
          <p className="score-view">{assessment.scoreText}</p>
        ) : null}
        <ExpectedLevel level={goal.evaluation?.level} scale={scale} assessment={assessment} />
        <h4 className="view-label">理由</h4>
        <p className="view-text pre-wrap">
          <DocText text={goal.evaluation?.reason || "記載なし"} />
        </p>
      </div>
      <Findings goalNumber={goal.number} assessment={assessment} />
    </div>
  );
}
