// One goal's part of the progress form: date, status, note and a value per numeric target.
// Every control's name says which goal (and target) it belongs to.
import type { ProgressReportAnswer } from "../../api/progress-types.ts";
import type { GoalRow } from "./progress-form.ts";

type Goal = ProgressReportAnswer["goals"][number];

export function ProgressGoalFields(props: {
  goal: Goal;
  statuses: ProgressReportAnswer["statuses"];
  row: GoalRow;
  onChange(row: GoalRow): void;
}) {
  const { goal, row, onChange } = props;
  const n = goal.number;
  const idOf = (what: string) => `progress-${n}-${what}`;
  const numeric = goal.targets.filter((t) => t.numeric !== null);
  return (
    <fieldset className="progress-goal">
      <legend>
        目標{n} {goal.title}
      </legend>
      <div className="progress-field">
        <label htmlFor={idOf("asOf")}>目標{n}の時点</label>
        <input
          id={idOf("asOf")}
          type="date"
          value={row.asOf}
          onChange={(e) => onChange({ ...row, asOf: e.target.value })}
        />
      </div>
      <div className="progress-field">
        <label htmlFor={idOf("status")}>目標{n}の状況</label>
        <select
          id={idOf("status")}
          value={row.status}
          onChange={(e) => onChange({ ...row, status: e.target.value })}
        >
          <option value="">（選んでください）</option>
          {props.statuses.map((s) => (
            <option key={s.label} value={s.label}>
              {s.label}
            </option>
          ))}
          {row.status !== "" && !props.statuses.some((s) => s.label === row.status) && (
            <option value={row.status}>{row.status}</option>
          )}
        </select>
      </div>
      <div className="progress-field">
        <label htmlFor={idOf("note")}>目標{n}の所見</label>
        <textarea
          id={idOf("note")}
          value={row.note}
          onChange={(e) => onChange({ ...row, note: e.target.value })}
        />
      </div>
      {numeric.map((t) => (
        <div className="progress-field" key={t.index}>
          <label htmlFor={idOf(`value-${t.index}`)}>
            目標{n} {t.label ?? `達成目標${t.index + 1}`} {t.numeric?.indicator}の実績値（
            {t.numeric?.unit}）
          </label>
          <input
            id={idOf(`value-${t.index}`)}
            inputMode="decimal"
            value={row.values[t.index] ?? ""}
            onChange={(e) =>
              onChange({ ...row, values: { ...row.values, [t.index]: e.target.value } })
            }
          />
        </div>
      ))}
    </fieldset>
  );
}
