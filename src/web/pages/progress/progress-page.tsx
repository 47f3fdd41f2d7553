// 中間報告: the department writes, per goal, the date, the status, a note and the interim
// values of its numeric targets (or imports the Excel template's 中間報告 sheet), saves and
// submits; planning acknowledges it (確認済み) or returns it, with a comment. Only the
// buttons the report's `allowed` permits are shown.
import "./progress.css";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { formatFiscalYear } from "../../../domain/era.ts";
import { isProgressState, PROGRESS_STATE_LABELS } from "../../../domain/progress-report/report.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { ProgressReportAnswer } from "../../api/progress-types.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { ProgressEntries } from "./progress-entries.tsx";
import { entriesFrom, type GoalRow, rowsFrom } from "./progress-form.ts";
import { ProgressGoalFields } from "./progress-goal-fields.tsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ProgressPage() {
  const { id } = useParams();
  const valid = id !== undefined && /^[1-9][0-9]{0,9}$/.test(id);
  const loaded = useApi<ProgressReportAnswer>(valid ? `/api/manifestos/${id}/progress` : null);
  const m = loaded.data?.manifesto;
  usePageTitle(
    m ? `中間報告（${m.departmentName} ${formatFiscalYear(m.fiscalYear)}）` : "中間報告",
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/manifestos/${id}`}>マニフェストに戻る</Link>
      </p>
      <h1>中間報告{m && `（${m.departmentName} ${formatFiscalYear(m.fiscalYear)}）`}</h1>
      <LoadState loaded={loaded}>
        {(data) => <ProgressReport data={data} reload={loaded.reload} />}
      </LoadState>
    </>
  );
}

function stateLabel(state: string): string {
  return isProgressState(state) ? PROGRESS_STATE_LABELS[state] : state;
}

function ProgressReport({ data, reload }: { data: ProgressReportAnswer; reload(): void }) {
  const latest = data.reports[0];
  const open = latest && latest.state !== "acknowledged" ? latest : undefined;
  const [rows, setRows] = useState<Record<number, GoalRow>>(() =>
    rowsFrom(data.goals, latest?.entries ?? []),
  );
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => setRows(rowsFrom(data.goals, latest?.entries ?? [])), [data, latest]);

  const run = async (done: string, call: () => Promise<unknown>) => {
    setError(null);
    setMessage(null);
    try {
      await call();
      setMessage(done);
      setComment("");
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e)));
    }
  };
  const base = `/api/manifestos/${data.manifesto.id}/progress`;
  const move = (action: "submit" | "acknowledge" | "return", done: string) =>
    open &&
    run(done, () =>
      api("POST", `${base}/transitions`, {
        reportId: open.id,
        action,
        revision: open.revision,
        ...(comment.trim() !== "" && { comment }),
      }),
    );

  return (
    <>
      <section aria-labelledby="progress-state">
        <h2 id="progress-state">状態</h2>
        <p className="progress-state-line">
          {latest
            ? `${stateLabel(latest.state)}（第${latest.revisions}版）`
            : "まだ中間報告はありません"}
        </p>
        {data.due && (
          <p className={`progress-due progress-due-${data.due.status}`}>
            {data.due.status === "late"
              ? `提出期限（${data.due.dueDate}）を過ぎています`
              : `提出期限は ${data.due.dueDate} です`}
          </p>
        )}
      </section>

      <div aria-live="polite">
        {message && <p className="alert alert-success">{message}</p>}
        {error && (
          <div className="alert alert-error" role="alert">
            <p>{errorText(error)}</p>
            {error.fields.length > 0 && (
              <ul>
                {error.fields.map((f) => (
                  <li key={f.path}>{f.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>

      {data.allowed.edit ? (
        <form
          aria-labelledby="progress-entry"
          onSubmit={(e) => {
            e.preventDefault();
            run("中間報告を保存しました。", () =>
              api("PUT", base, { revision: open?.revision ?? null, entries: entriesFrom(rows) }),
            );
          }}
        >
          <h2 id="progress-entry">目標ごとの進捗</h2>
          <p className="muted">時点を入れた目標が報告されます。</p>
          {data.goals.map((g) => (
            <ProgressGoalFields
              key={g.number}
              goal={g}
              statuses={data.statuses}
              row={rows[g.number] ?? { asOf: "", status: "", note: "", values: {} }}
              onChange={(row) => setRows((r) => ({ ...r, [g.number]: row }))}
            />
          ))}
          <button type="submit">下書きを保存</button>
        </form>
      ) : (
        latest && <ProgressEntries goals={data.goals} entries={latest.entries} />
      )}

      {data.allowed.edit && (
        <section aria-labelledby="progress-import">
          <h2 id="progress-import">Excel から取り込む</h2>
          <label htmlFor="progress-xlsx">中間報告シートを記入した Excel ファイル</label>
          <input
            id="progress-xlsx"
            type="file"
            accept={`.xlsx,${XLSX}`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file)
                run("Excel の中間報告を取り込みました。", () =>
                  api("POST", `${base}/import/xlsx`, new Blob([file], { type: XLSX })),
                );
            }}
          />
        </section>
      )}

      {(data.allowed.submit || data.allowed.acknowledge) && (
        <section aria-labelledby="progress-actions">
          <h2 id="progress-actions">{data.allowed.submit ? "提出" : "企画課の確認"}</h2>
          <label htmlFor="progress-comment">コメント（任意）</label>
          <textarea
            id="progress-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="progress-buttons">
            {data.allowed.submit && (
              <button type="button" onClick={() => move("submit", "中間報告を提出しました。")}>
                提出する
              </button>
            )}
            {data.allowed.acknowledge && (
              <button type="button" onClick={() => move("acknowledge", "確認済みにしました。")}>
                確認済みにする
              </button>
            )}
            {data.allowed.return && (
              <button type="button" onClick={() => move("return", "差し戻しました。")}>
                差し戻す
              </button>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="progress-comments">
        <h2 id="progress-comments">コメント</h2>
        {data.comments.length === 0 ? (
          <p className="muted">コメントはありません。</p>
        ) : (
          <ul className="progress-comment-list">
            {data.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {c.author}{" "}
                  {new Date(c.createdAt).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" })}
                </p>
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
