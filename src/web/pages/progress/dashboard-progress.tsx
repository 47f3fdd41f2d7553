// The dashboard's 進捗と更新状況 (issue 14 items 5 and 6): for each department its latest
// progress per goal, when each goal was last updated, goals whose progress is older than 90
// days (or missing) and goals behind schedule marked in words, and whether its progress
// report is due or late.
import "./progress.css";
import { Link } from "react-router";
import { isProgressState, PROGRESS_STATE_LABELS } from "../../../domain/progress-report/report.ts";
import { query } from "../../api/client.ts";
import type { ProgressOverviewAnswer } from "../../api/progress-types.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";

type Department = ProgressOverviewAnswer["departments"][number];

function dueText(d: Department): string {
  if (d.report?.state === "acknowledged") return "確認済み";
  if (d.report?.state === "submitted") return "提出済み（確認待ち）";
  if (d.due?.status === "late") return `提出期限（${d.due.dueDate}）超過`;
  if (d.due?.status === "due") return `提出期限 ${d.due.dueDate}`;
  return d.report ? "下書き" : "—";
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString("ja-JP", { timeZone: "Asia/Tokyo" });
}

export function DashboardProgress({ municipality, year }: { municipality: string; year: number }) {
  const loaded = useApi<ProgressOverviewAnswer>(`/api/progress${query({ municipality, year })}`);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">進捗と更新状況（中間報告）</h2>
      <p className="hint">
        各部局が提出した最新の中間報告です。90日より古い（または報告のない）目標と、遅れのある目標に印を付けています。
      </p>
      <LoadState loaded={loaded}>
        {(data) =>
          data.departments.length === 0 ? (
            <p className="empty">部局のマニフェストはまだありません。</p>
          ) : (
            <div className="table-scroll">
              <table className="progress-overview">
                <caption>部局・目標ごとの進捗と更新日</caption>
                <thead>
                  <tr>
                    <th scope="col">部局・目標</th>
                    <th scope="col">中間報告</th>
                    <th scope="col">最新の時点</th>
                    <th scope="col">状況</th>
                    <th scope="col">最終更新</th>
                    <th scope="col">注意</th>
                  </tr>
                </thead>
                {data.departments.map((d) => (
                  <tbody key={d.manifestoId}>
                    <tr>
                      <th scope="rowgroup">
                        <Link to={`/manifestos/${d.manifestoId}/progress`}>{d.name}の中間報告</Link>
                      </th>
                      <td className={d.due?.status === "late" ? "progress-due-late" : undefined}>
                        {dueText(d)}
                      </td>
                      <td colSpan={4} />
                    </tr>
                    {d.goals.map((g) => (
                      <tr key={g.number}>
                        <th scope="row">
                          目標{g.number} {g.title}
                        </th>
                        <td>
                          {g.latest && isProgressState(g.latest.reportState)
                            ? PROGRESS_STATE_LABELS[g.latest.reportState]
                            : "—"}
                        </td>
                        <td>{g.latest?.asOf ?? "—"}</td>
                        <td>{g.latest?.status ?? "—"}</td>
                        <td>{day(g.lastUpdated)}</td>
                        <td>
                          {g.stale && <span className="progress-mark-stale">90日以上更新なし</span>}
                          {g.stale && g.behind && " "}
                          {g.behind && <span className="progress-mark-behind">遅れ</span>}
                          {!g.stale && !g.behind && "—"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
