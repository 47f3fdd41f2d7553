// マニフェスト一覧: the manifestos the user may see, newest fiscal year first, grouped by
// year. Department roles see their own department only (the server scopes the list).
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatFiscalYear } from "../../domain/era.ts";
import { formatDateTime } from "../api/japanese-time.ts";
import type { ManifestoListItem } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { LoadState } from "../components/load-state.tsx";
import { usePageTitle } from "../components/page-title.tsx";
import { StateBadge } from "../components/state-badge.tsx";

function byYear(items: ManifestoListItem[]): [number, ManifestoListItem[]][] {
  const years = new Map<number, ManifestoListItem[]>();
  for (const m of items) years.set(m.fiscalYear, [...(years.get(m.fiscalYear) ?? []), m]);
  return [...years.entries()].sort((a, b) => b[0] - a[0]);
}

/** `before`: what the home page shows above the list (the to-do list). */
export function ManifestoListPage(props: { before?: ReactNode }) {
  usePageTitle("マニフェスト一覧");
  const loaded = useApi<{ manifestos: ManifestoListItem[] }>("/api/manifestos");
  return (
    <>
      <h1>マニフェスト一覧</h1>
      {props.before}
      <LoadState loaded={loaded}>
        {({ manifestos }) =>
          manifestos.length === 0 ? (
            <p className="empty">
              見られるマニフェストはまだありません。取り込みから JSON
              ファイルを登録するか、企画課に年度の開始を依頼してください。
            </p>
          ) : (
            byYear(manifestos).map(([year, items]) => (
              <section key={year}>
                <h2>{formatFiscalYear(year)}</h2>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">部局</th>
                        <th scope="col">状態</th>
                        <th scope="col">最終更新</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((m) => (
                        <tr key={m.id}>
                          <td>
                            <Link to={`/manifestos/${m.id}`}>{m.department.name}</Link>
                          </td>
                          <td>
                            <StateBadge state={m.state} />
                          </td>
                          <td>
                            <time dateTime={m.updatedAt}>{formatDateTime(m.updatedAt)}</time>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )
        }
      </LoadState>
    </>
  );
}
