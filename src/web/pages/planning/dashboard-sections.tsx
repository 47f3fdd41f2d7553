// The dashboard's tables: targets met / not met / unknown, the warnings across departments
// (each links to its goal), and the year-over-year change of each indicator.
import { Link } from "react-router";
import { formatFiscalYear } from "../../../domain/era.ts";
import { circled } from "../../api/japanese-messages.ts";
import type { Dashboard, IndicatorChange } from "../../api/planning-types.ts";
import { formatChange, formatTarget, formatValue } from "./format.ts";

/** The goal on the manifesto page (its card carries the anchor `goal-N`). */
export function goalHref(manifestoId: number, goalNumber: number): string {
  return `/manifestos/${manifestoId}#goal-${goalNumber}`;
}

export function TargetTotals({ dashboard }: { dashboard: Dashboard }) {
  const t = dashboard.totals.targets;
  const all = t.met + t.not_met + t.unknown;
  const stats = [
    { key: "met", label: "達成", count: t.met },
    { key: "not-met", label: "未達成", count: t.not_met },
    { key: "unknown", label: "判定できない", count: t.unknown },
  ];
  return (
    <>
      <dl className="stats">
        {stats.map((s) => (
          <div key={s.key} className={`stat stat-${s.key}`}>
            <dt>{s.label}</dt>
            <dd>
              {s.count}
              <span className="stat-unit">件</span>
              {all > 0 && (
                <span className="stat-share">（{Math.round((s.count / all) * 100)}%）</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        達成目標 {all}件の内訳。「判定できない」は実績が未入力か、数値で比べられない達成目標です。
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption>部局別の達成目標の達成状況と警告</caption>
          <thead>
            <tr>
              <th scope="col">部局</th>
              <th scope="col" className="number">
                達成
              </th>
              <th scope="col" className="number">
                未達成
              </th>
              <th scope="col" className="number">
                判定できない
              </th>
              <th scope="col" className="number">
                警告
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.departments.map((d) => (
              <tr key={d.manifestoId}>
                <th scope="row">
                  <Link to={`/manifestos/${d.manifestoId}`}>{d.name}</Link>
                </th>
                <td className="number">{d.targets.met}</td>
                <td className="number">{d.targets.not_met}</td>
                <td className="number">{d.targets.unknown}</td>
                <td className="number">{d.warnings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function WarningList({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.warnings.length === 0) {
    return <p className="empty">警告はありません。</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table warning-table">
        <caption>警告 {dashboard.warnings.length}件</caption>
        <thead>
          <tr>
            <th scope="col">部局</th>
            <th scope="col">目標</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.warnings.map((w) => (
            <tr key={`${w.manifestoId}-${w.goalNumber}-${w.target}-${w.code}-${w.message}`}>
              <td>{w.department}</td>
              <td>
                <Link to={goalHref(w.manifestoId, w.goalNumber)}>
                  {w.department} 部局目標{w.goalNumber}
                  {w.target !== null && ` 達成目標${circled(w.target + 1)}`}
                </Link>
                <span className="goal-title">{w.goalTitle}</span>
              </td>
              <td>{w.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TREND: Record<NonNullable<IndicatorChange["trend"]>, string> = {
  better: "改善",
  worse: "悪化",
  same: "変化なし",
};

export function IndicatorTable({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.indicators.length === 0) {
    return <p className="empty">この年度に実績のある数値目標はありません。</p>;
  }
  const previousYear = dashboard.fiscalYear - 1;
  return (
    <div className="table-scroll">
      <table className="table indicator-table">
        <caption>指標ごとの前年度との比較</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">目標</th>
            <th scope="col" className="number">
              前年度
            </th>
            <th scope="col" className="number">
              今年度の実績
            </th>
            <th scope="col" className="number">
              増減
            </th>
            <th scope="col">傾向</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.indicators.map((c) => {
            const unit = c.indicator.unit;
            return (
              <tr key={c.indicator.key}>
                <th scope="row">
                  {c.indicator.name}
                  <ul className="indicator-goals">
                    {c.targets.map((t) => (
                      <li key={`${t.manifestoId}-${t.goalNumber}-${t.target}`}>
                        <Link to={goalHref(t.manifestoId, t.goalNumber)}>
                          {t.department} 部局目標{t.goalNumber} 達成目標
                          {circled(t.target + 1)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </th>
                <td>{c.target ? formatTarget(c.target.comparator, c.target.value, unit) : "—"}</td>
                <td className="number">
                  {c.previous ? (
                    <>
                      {formatValue(c.previous.value, unit)}
                      {(c.previous.source === "baseline" ||
                        c.previous.fiscalYear !== previousYear) && (
                        <span className="value-note">
                          {c.previous.source === "baseline" ? "基準値" : "実績"}（
                          {formatFiscalYear(c.previous.fiscalYear)}）
                        </span>
                      )}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="number">{c.current ? formatValue(c.current.value, unit) : "—"}</td>
                <td className="number">{c.change === null ? "—" : formatChange(c.change, unit)}</td>
                <td>
                  {c.trend === null ? (
                    "—"
                  ) : (
                    <span className={`trend trend-${c.trend}`}>{TREND[c.trend]}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
