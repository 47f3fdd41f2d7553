// 自己評価と実績の整合: per department, the share of goals whose self-evaluation equals the
// level the evidence supports (the municipality's level rules, else the scale's defaults),
// and how far past their targets the actual values land (actual ÷ target). Tables with text
// only; the bin of targets just reached is named in its header, not marked by colour.
import { consistencyShareText } from "../../../domain/assessment/expected-level.ts";
import type { Dashboard } from "../../api/planning-types.ts";

export function ConsistencyTable({ dashboard }: { dashboard: Dashboard }) {
  const bins = dashboard.consistency.distribution;
  const rows = [
    ...dashboard.departments.map((d) => ({
      key: String(d.manifestoId),
      name: d.name,
      f: d.consistency,
    })),
    { key: "total", name: "全体", f: dashboard.consistency },
  ];
  return (
    <>
      <p className="hint">
        自己評価が、達成目標の実績から判定基準で導かれる段階と一致した目標の割合です。達成率は実績÷目標（少ないほど良い指標は目標÷実績）です。
        100%以上105%未満は、目標にちょうど届くよう設定された可能性がある達成目標です。
      </p>
      {/* The table is wider than a phone: its scroll area takes the keyboard focus so that
          it can be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable). */}
      <section
        className="table-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        tabIndex={0}
        aria-label="部局別の自己評価と実績の一致、達成率の分布"
      >
        <table className="table">
          <caption>部局別の自己評価と実績の一致、達成率の分布（件）</caption>
          <thead>
            <tr>
              <th scope="col">部局</th>
              <th scope="col">自己評価と実績の一致</th>
              {bins.map((b) => (
                <th key={b.key} scope="col" className="number">
                  {b.label}
                  {b.justReached && <>（ちょうど達成）</>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td>{consistencyShareText(r.f)}</td>
                {r.f.distribution.map((b) => (
                  <td key={b.key} className="number">
                    {b.count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
