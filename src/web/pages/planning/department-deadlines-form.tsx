// 部局ごとの期限: planning gives a department its own due date, overriding the municipality's
// for that department (reminders and 期限超過 follow it); an emptied date clears it.
import { useId, useState } from "react";
import { PHASE_LABELS } from "../../../domain/deadlines.ts";
import { ApiError, api, query } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { Phase } from "../../api/planning-types.ts";
import { useApi } from "../../api/use-api.ts";
import {
  DEADLINE_PHASES,
  type OwnDates,
  type OwnDeadlineRow,
  ownDeadlineChanges,
  ownDeadlineRows,
} from "./department-deadlines.ts";

type LineMessage = { kind: "success" | "error"; text: string };

interface YearDeadlines {
  departmentDeadlines: { departmentId: number; phase: Phase; dueDate: string }[];
}

export function DepartmentDeadlinesForm({
  municipality,
  year,
  departments,
  onSaved,
}: {
  /** Sent only for an installation administrator (others work in their own). */
  municipality: string | undefined;
  year: number;
  departments: readonly { id: number; name: string }[];
  onSaved(): void;
}) {
  const id = useId();
  const loaded = useApi<YearDeadlines>(`/api/deadlines${query({ year, municipality })}`);
  // Kept here, not in the line: a saved date remounts its line (below), and the line's own
  // state would take 「保存しました。」 away as soon as the reload arrived.
  const [messages, setMessages] = useState<Record<number, LineMessage | null>>({});
  if (departments.length === 0) return null;
  const rows = ownDeadlineRows(departments, loaded.data?.departmentDeadlines ?? []);
  return (
    <section className="deadlines-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>部局ごとの期限</h2>
      <p className="hint">
        部局に独自の期限を設定すると、その部局には全体の期限の代わりにこの日付が使われます。空欄にして保存すると全体の期限に戻ります。
      </p>
      {loaded.error && (
        <p className="alert alert-error" role="alert">
          {errorText(loaded.error)}
        </p>
      )}
      {loaded.data && (
        // Wider than a phone: the scroll area takes the keyboard focus so that it can be
        // scrolled without a mouse (WCAG 2.1.1, 1.4.10; axe scrollable-region-focusable).
        <section
          className="table-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
          tabIndex={0}
          aria-label="部局ごとの期限の表"
        >
          <table className="table department-deadlines">
            <caption>部局ごとの期限</caption>
            <thead>
              <tr>
                <th scope="col">部局</th>
                {DEADLINE_PHASES.map((p) => (
                  <th key={p} scope="col">
                    {PHASE_LABELS[p]}の期限
                  </th>
                ))}
                <th scope="col">保存</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <OwnDeadlineLine
                  // A saved date remounts the line, so its inputs start from the saved dates.
                  key={`${row.department.id}:${row.own.plan}:${row.own.evaluation}`}
                  row={row}
                  municipality={municipality}
                  year={year}
                  message={messages[row.department.id] ?? null}
                  setMessage={(m) => setMessages((all) => ({ ...all, [row.department.id]: m }))}
                  onSaved={() => {
                    loaded.reload();
                    onSaved();
                  }}
                />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function OwnDeadlineLine({
  row,
  municipality,
  year,
  message,
  setMessage,
  onSaved,
}: {
  row: OwnDeadlineRow;
  municipality: string | undefined;
  year: number;
  message: LineMessage | null;
  setMessage(message: LineMessage | null): void;
  onSaved(): void;
}) {
  const [entered, setEntered] = useState<OwnDates>(row.own);
  const [busy, setBusy] = useState(false);
  const name = row.department.name;

  async function save() {
    setMessage(null);
    const changes = ownDeadlineChanges(row.own, entered);
    if (changes.length === 0) {
      setMessage({ kind: "success", text: "変更はありません。" });
      return;
    }
    setBusy(true);
    let saved = 0;
    try {
      for (const change of changes) {
        await api("PUT", "/api/deadlines", {
          ...(municipality && { municipality }),
          year,
          phase: change.phase,
          dueDate: change.dueDate,
          department: row.department.id,
        });
        saved++;
      }
      setMessage({ kind: "success", text: "保存しました。" });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      setMessage({ kind: "error", text: errorText(error) });
    } finally {
      setBusy(false);
      if (saved > 0) onSaved();
    }
  }

  return (
    <tr>
      <th scope="row">{name}</th>
      {DEADLINE_PHASES.map((p) => (
        <td key={p}>
          <input
            type="date"
            aria-label={`${name}の${PHASE_LABELS[p]}の期限`}
            value={entered[p]}
            onChange={(e) => setEntered({ ...entered, [p]: e.target.value })}
          />
        </td>
      ))}
      <td>
        <button type="button" disabled={busy} onClick={save}>
          {busy ? "保存しています…" : `${name}の期限を保存`}
        </button>
        {message && (
          <span
            className={`alert alert-${message.kind}`}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </span>
        )}
      </td>
    </tr>
  );
}
