// A report's entries, read-only: what was submitted or acknowledged.
import type { ProgressEntry } from "../../../domain/progress-report/report.ts";
import type { ProgressReportAnswer } from "../../api/progress-types.ts";

export function ProgressEntries(props: {
  goals: ProgressReportAnswer["goals"];
  entries: readonly ProgressEntry[];
}) {
  return (
    <section aria-labelledby="progress-entries">
      <h2 id="progress-entries">報告の内容</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">目標</th>
              <th scope="col">時点</th>
              <th scope="col">状況</th>
              <th scope="col">所見</th>
              <th scope="col">実績値</th>
            </tr>
          </thead>
          <tbody>
            {props.goals.map((g) => {
              const e = props.entries.find((x) => x.goal === g.number);
              return (
                <tr key={g.number}>
                  <th scope="row">
                    目標{g.number} {g.title}
                  </th>
                  <td>{e?.asOf ?? "—"}</td>
                  <td>{e?.status ?? "—"}</td>
                  <td className="progress-note">{e?.note ?? "—"}</td>
                  <td>
                    {(e?.values ?? [])
                      .map((v) => {
                        const t = g.targets[v.target];
                        return `${t?.label ?? `達成目標${v.target + 1}`} ${v.actual}${t?.numeric?.unit ?? ""}`;
                      })
                      .join("、") || "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
