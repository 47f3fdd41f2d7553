// 年度末の評価 of one goal: the result of each target (the actual value for a numeric target,
// the status for one without numbers, and the text as it will be published), the level on
// the municipality's scale with what each level claims, and the reason. The assessment's
// findings sit beside it and change as the values are typed.
import { useRef } from "react";
import type { GoalAssessment } from "../../../domain/assessment/types.ts";
import { DEFAULT_SCALE, meaningOf } from "../../../domain/manifesto/default-scale.ts";
import {
  type EvaluationScale,
  type Goal,
  LIMITS,
  type Meaning,
} from "../../../domain/manifesto/schema.ts";
import { circled, japaneseMessage } from "../../api/japanese-messages.ts";
import { type Path, setIn, updateIn } from "./document-ops.ts";
import { BudgetEditor } from "./extension-rows-editor.tsx";
import {
  FieldErrors,
  fieldId,
  NumberField,
  pathText,
  SelectField,
  TextField,
  useEditor,
} from "./fields.tsx";
import { Findings, ResultStatusLine } from "./findings.tsx";
import { measureSummary } from "./goal-view.tsx";
import { MeasureFields } from "./target-editor.tsx";

export const MEANING_WORDS: Record<Meaning, string> = {
  advanced: "先進的な成果（目標を上回る）",
  exceeded: "目標を上回った",
  achieved: "目標を達成した",
  partial: "一部を達成した",
  not_achieved: "目標を達成しなかった",
  not_attempted: "取り組まなかった",
  unassessable: "評価できない",
};

const STATUS_OPTIONS = [
  { value: "achieved", label: "達成" },
  { value: "partial", label: "一部達成" },
  { value: "not_achieved", label: "未達成" },
];

function LevelChooser(props: { goalPath: Path; place: string; scale: EvaluationScale }) {
  const { doc, change, problems } = useEditor();
  const goal = (doc.goals[props.goalPath[1] as number] ?? {}) as Goal;
  const stash = useRef("");
  const levelPath = [...props.goalPath, "evaluation", "level"];
  const id = fieldId(levelPath);
  const errors = (problems.get(pathText(levelPath)) ?? []).map(japaneseMessage);
  const current = goal.evaluation?.level;
  const name = `${id}-radio`;

  function choose(level: number | null) {
    change((d) =>
      updateIn(d, [...props.goalPath, "evaluation"], (e) => {
        const before = e as Goal["evaluation"];
        if (level === null) {
          stash.current = before?.reason ?? "";
          return undefined;
        }
        // The other year-end fields (score, 課題 …) stay when only the level changes.
        return { ...before, level, reason: before?.reason ?? stash.current };
      }),
    );
  }

  return (
    <fieldset
      className="level-chooser"
      id={id}
      tabIndex={-1}
      aria-invalid={errors.length > 0 || undefined}
      aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
    >
      <legend>
        <span className="visually-hidden">{props.place} の </span>自己評価の段階
        <span className="legend-note">（{props.scale.name}）</span>
      </legend>
      {props.scale.levels.map((l) => {
        const meaning = meaningOf(props.scale, l.level, [DEFAULT_SCALE]);
        const optionId = `${id}-${l.level}`;
        return (
          <div className="level-option" key={l.level}>
            <input
              type="radio"
              id={optionId}
              name={name}
              checked={current === l.level}
              onChange={() => choose(l.level)}
            />
            <label htmlFor={optionId}>
              <span className="level-number">{l.level}</span> {l.label}
              {meaning && <span className="level-meaning">意味：{MEANING_WORDS[meaning]}</span>}
            </label>
          </div>
        );
      })}
      <div className="level-option">
        <input
          type="radio"
          id={`${id}-none`}
          name={name}
          checked={current === undefined}
          onChange={() => choose(null)}
        />
        <label htmlFor={`${id}-none`}>未評価</label>
      </div>
      <FieldErrors id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}

function TargetResultEditor(props: { goalPath: Path; index: number; place: string }) {
  const { doc, change } = useEditor();
  const goal = doc.goals[props.goalPath[1] as number] as Goal;
  const target = goal.targets?.[props.index];
  if (!target) return null;
  const tPath = [...props.goalPath, "targets", props.index];
  const place = `${props.place} の 達成目標${circled(props.index + 1)}`;
  const summary = measureSummary(target.measure);
  return (
    <fieldset className="result-editor" id={fieldId([...tPath, "result"])} tabIndex={-1}>
      <legend>
        <span className="visually-hidden">{props.place} の </span>
        達成目標{circled(props.index + 1)} の結果
      </legend>
      <p className="result-target-text">
        <span className="target-marker">{target.label || circled(props.index + 1)}</span>
        {target.text}
      </p>
      {summary && <p className="measure-summary">{summary}</p>}
      {!target.measure && (
        <div className="measure-missing">
          <p className="field-hint">
            自動で判定するには測定方法を設定してください（公表した文章は変わりません）。
          </p>
          <MeasureFields path={tPath} place={place} />
        </div>
      )}
      {target.measure?.kind === "numeric" && (
        <NumberField
          path={[...tPath, "result", "actual"]}
          label="実績値"
          place={place}
          optional
          suffix={target.measure.unit}
          className="result-actual"
        />
      )}
      {target.measure?.kind === "milestone" && (
        <SelectField
          path={[...tPath, "result", "status"]}
          label="達成状況"
          place={place}
          emptyLabel="選んでください"
          options={STATUS_OPTIONS}
          onSelect={(v) =>
            change((d) => setIn(d, [...tPath, "result", "status"], v === "" ? undefined : v))
          }
        />
      )}
      <TextField
        path={[...tPath, "result", "text"]}
        label="結果の説明"
        place={place}
        multiline
        rows={2}
        optional
        maxLength={LIMITS.paragraph}
        hint="公表する文章です（例：まちづくりアンケートの満足度49.4％）"
      />
    </fieldset>
  );
}

/** The year-end texts beside the level (issue 17): result, issues, next steps. */
const YEAR_END_TEXTS = [
  { key: "result", label: "成果・実績" },
  { key: "issues", label: "課題" },
  { key: "nextSteps", label: "今後の取組" },
] as const;

export function GoalEvaluationEditor(props: {
  index: number;
  place: string;
  scale: EvaluationScale;
  assessment: GoalAssessment | undefined;
  /** False when the plan's form, which has the budget rows, is on the page as well. */
  withBudget: boolean;
}) {
  const { doc, scoreScale } = useEditor();
  const goal = doc.goals[props.index] as Goal;
  const goalPath = ["goals", props.index] as const;
  const targets = goal.targets ?? [];
  return (
    <div className="evaluation-grid">
      <div className="results-col">
        <h4 className="col-heading">達成目標の結果</h4>
        {targets.length === 0 && <p className="list-empty">この目標には達成目標がありません。</p>}
        {targets.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the plan is fixed while results are written
          <div key={i}>
            <TargetResultEditor goalPath={goalPath} index={i} place={props.place} />
            <ResultStatusLine
              assessment={props.assessment?.targets[i]}
              milestoneResult={t.result?.status}
            />
          </div>
        ))}
      </div>
      <div className="self-eval-col">
        <h4 className="col-heading">達成状況（自己評価）</h4>
        <LevelChooser goalPath={goalPath} place={props.place} scale={props.scale} />
        {goal.evaluation ? (
          <TextField
            path={[...goalPath, "evaluation", "reason"]}
            label={
              <>
                <span className="visually-hidden">自己評価の</span>理由
              </>
            }
            place={props.place}
            multiline
            rows={8}
            maxLength={LIMITS.reason}
          />
        ) : null}
        {goal.evaluation && scoreScale ? (
          <NumberField
            path={[...goalPath, "evaluation", "score"]}
            label={scoreScale.name}
            place={props.place}
            optional
            note={
              scoreScale.range
                ? `${scoreScale.range.min}〜${scoreScale.range.max}`
                : scoreScale.levels?.map((l) => `${l.level}=${l.label}`).join("、")
            }
          />
        ) : null}
        {goal.evaluation ? (
          <>
            {YEAR_END_TEXTS.map(({ key, label }) => (
              <TextField
                key={key}
                path={[...goalPath, "evaluation", key]}
                label={label}
                place={props.place}
                multiline
                rows={3}
                optional
                maxLength={LIMITS.reason}
              />
            ))}
            <TextField
              path={[...goalPath, "evaluation", "asOf"]}
              label="評価日"
              place={props.place}
              optional
              hint="例: 2025-04-30"
              maxLength={10}
            />
          </>
        ) : (
          <p className="field-hint">段階を選ぶと、理由を入力できます。</p>
        )}
        {/* 決算見込額 at the year end; the plan's form has the same rows when it is open too. */}
        {props.withBudget && <BudgetEditor index={props.index} place={props.place} />}
      </div>
      <Findings goalNumber={goal.number} assessment={props.assessment} />
    </div>
  );
}
