// The plan's and the evaluation's due dates of a fiscal year. Planning and administrators set
// them here (an empty date clears one); everyone else reads them.
import { type FormEvent, useEffect, useId, useState } from "react";
import { PHASE_LABELS } from "../../../domain/deadlines.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { japaneseMessage } from "../../api/japanese-messages.ts";
import type { Phase } from "../../api/planning-types.ts";
import { formatDay } from "./format.ts";

const PHASES: Phase[] = ["plan", "evaluation"];

export function DeadlinesForm({
  municipality,
  year,
  deadlines,
  editable,
  onSaved,
}: {
  /** Sent only for an installation administrator (others work in their own). */
  municipality: string | undefined;
  year: number;
  deadlines: Record<Phase, string | null>;
  editable: boolean;
  onSaved(): void;
}) {
  const id = useId();
  const [values, setValues] = useState(() => ({
    plan: deadlines.plan ?? "",
    evaluation: deadlines.evaluation ?? "",
  }));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Phase, string>>>({});

  useEffect(() => {
    setValues({ plan: deadlines.plan ?? "", evaluation: deadlines.evaluation ?? "" });
  }, [deadlines.plan, deadlines.evaluation]);

  if (!editable) {
    return (
      <dl className="deadline-list">
        {PHASES.map((p) => (
          <div key={p}>
            <dt>{PHASE_LABELS[p]}の提出期限</dt>
            <dd>{deadlines[p] ? formatDay(deadlines[p]) : "未設定"}</dd>
          </div>
        ))}
      </dl>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setFieldErrors({});
    const changed = PHASES.filter((p) => values[p] !== (deadlines[p] ?? ""));
    if (changed.length === 0) {
      setMessage({ kind: "success", text: "変更はありません。" });
      return;
    }
    setBusy(true);
    const saved: Phase[] = [];
    try {
      for (const phase of changed) {
        await api("PUT", "/api/deadlines", {
          ...(municipality && { municipality }),
          year,
          phase,
          dueDate: values[phase] === "" ? null : values[phase],
        });
        saved.push(phase);
      }
      setMessage({
        kind: "success",
        text: `${saved.map((p) => `${PHASE_LABELS[p]}の提出期限`).join("と")}を保存しました。`,
      });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const phase = changed[saved.length];
      const problem = error.fields.find((f) => f.path === "dueDate");
      if (phase && problem) setFieldErrors({ [phase]: japaneseMessage(problem.message) });
      setMessage({ kind: "error", text: errorText(error) });
    } finally {
      setBusy(false);
      if (saved.length > 0) onSaved();
    }
  }

  return (
    <form className="deadlines-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>提出期限</h2>
      <p className="hint">
        期限を過ぎても下書きのままの部局は「期限超過」と表示されます。空欄にすると期限を取り消します。
      </p>
      <div className="deadline-fields">
        {PHASES.map((p) => (
          <div key={p}>
            <label htmlFor={`${id}-${p}`}>{PHASE_LABELS[p]}の提出期限</label>
            <input
              id={`${id}-${p}`}
              type="date"
              value={values[p]}
              aria-invalid={fieldErrors[p] ? true : undefined}
              aria-describedby={fieldErrors[p] ? `${id}-${p}-error` : undefined}
              onChange={(e) => setValues({ ...values, [p]: e.target.value })}
            />
            {fieldErrors[p] && (
              <p id={`${id}-${p}-error`} className="field-error">
                {fieldErrors[p]}
              </p>
            )}
          </div>
        ))}
        <button type="submit" disabled={busy}>
          {busy ? "保存しています…" : "期限を保存"}
        </button>
      </div>
      {message && (
        <p
          className={`alert alert-${message.kind}`}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
