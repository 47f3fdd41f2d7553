// One 部局目標 as a card: its heading (◎部局目標N) and, when the plan is being written, the
// buttons to move or remove it; then the plan (form or text), the year-end evaluation (form or
// text) and the review comments on the goal.
import type { GoalAssessment } from "../../../domain/assessment/types.ts";
import type { EvaluationScale, Goal } from "../../../domain/manifesto/schema.ts";
import { GoalEvaluationEditor } from "./evaluation-editor.tsx";
import { fieldId, NumberField } from "./fields.tsx";
import { GoalComments } from "./goal-comments.tsx";
import { GoalPlanEditor } from "./goal-editor.tsx";
import { GoalPlanView, GoalResultsView } from "./goal-view.tsx";
import { MoveRemoveButtons } from "./move-remove-buttons.tsx";
import { PlanChecks } from "./plan-checks-view.tsx";

export type EditMode = "plan" | "evaluation" | "read" | "correct";

export function GoalCard(props: {
  goal: Goal;
  index: number;
  count: number;
  mode: EditMode;
  /** The plan phase: a reader (the review) sees the checks of the targets as set. */
  planReview: boolean;
  /** Also the results (a correction of published results). */
  withResults: boolean;
  scale: EvaluationScale;
  assessment: GoalAssessment | undefined;
  manifestoId: number;
  canComment: boolean;
  onMove(index: number, by: -1 | 1): void;
  onRemove(index: number): void;
}) {
  const { goal, index, mode } = props;
  const place = `目標${goal.number}`;
  const headingId = `goal-${index}-heading`;
  const planEditable = mode === "plan" || mode === "correct";
  const evaluationEditable = mode === "evaluation" || (mode === "correct" && props.withResults);
  const id = fieldId(["goals", index]);
  return (
    <section className="goal-card" id={id} tabIndex={-1} aria-labelledby={headingId}>
      <header className="goal-head">
        <h2 id={headingId}>
          <span aria-hidden="true">◎</span>部局目標{goal.number}
        </h2>
        {planEditable && (
          <div className="goal-tools">
            <NumberField
              path={["goals", index, "number"]}
              label="目標番号"
              place={place}
              integer
              className="goal-number-field"
            />
            <MoveRemoveButtons
              id={id}
              name={place}
              index={index}
              count={props.count}
              removeText="この目標を削除"
              canRemove={props.count > 1}
              onMove={(by) => props.onMove(index, by)}
              onRemove={() => props.onRemove(index)}
            />
          </div>
        )}
      </header>

      {planEditable ? <GoalPlanEditor index={index} place={place} /> : <GoalPlanView goal={goal} />}
      {(planEditable || (mode === "read" && props.planReview)) && (
        <PlanChecks
          goalNumber={goal.number}
          assessment={props.assessment}
          goalLevelOnly={planEditable}
        />
      )}

      {evaluationEditable ? (
        <section className="evaluation-section" aria-labelledby={`${headingId}-evaluation`}>
          <h3 id={`${headingId}-evaluation`}>年度末の評価</h3>
          <GoalEvaluationEditor
            index={index}
            place={place}
            scale={props.scale}
            assessment={props.assessment}
            withBudget={!planEditable}
          />
        </section>
      ) : (
        (goal.evaluation || (goal.targets ?? []).some((t) => t.result)) && (
          <section className="evaluation-section" aria-labelledby={`${headingId}-evaluation`}>
            <h3 id={`${headingId}-evaluation`}>年度末の評価</h3>
            <GoalResultsView goal={goal} scale={props.scale} assessment={props.assessment} />
          </section>
        )
      )}

      <div className="goal-comments">
        <GoalComments
          manifestoId={props.manifestoId}
          goalNumber={goal.number}
          canComment={props.canComment}
        />
      </div>
    </section>
  );
}
