// 自己評価の分布: one stacked bar per department (its goals by self-evaluation level, on the
// municipality's scale), drawn as a plain SVG image with a summary for screen readers, and
// the same numbers in a table beneath it. Colours come from planning.css by the level's
// place in the scale, each 4.5:1 or more against white (the page and the separators between
// segments: WCAG 1.4.11), and each level has its own pattern as well, so that colour is not
// the only cue (1.4.1), and each segment with room for it says its level beside its count
// (「4:3件」, 「未:2件」); the legend and the table say the same without colour.
import { useId } from "react";
import type { Dashboard, DashboardDepartment, GoalTally } from "../../api/planning-types.ts";

/** One pattern per segment class: a tile of 8×8 with the class's colour and its own marks. */
const PATTERNS: { className: string; name: string; marks: string }[] = [
  { className: "seg-0", name: "solid", marks: "" },
  { className: "seg-1", name: "diagonal", marks: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" },
  { className: "seg-2", name: "dots", marks: "M3,4 a1,1 0 1,0 2,0 a1,1 0 1,0 -2,0" },
  { className: "seg-3", name: "horizontal", marks: "M0,2 h8 M0,6 h8" },
  { className: "seg-4", name: "cross", marks: "M0,0 l8,8 M8,0 l-8,8" },
  { className: "seg-5", name: "vertical", marks: "M2,0 v8 M6,0 v8" },
  { className: "seg-other", name: "back-diagonal", marks: "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" },
  { className: "seg-none", name: "grid", marks: "M0,4 h8 M4,0 v8" },
];

function Patterns({ id }: { id: string }) {
  return (
    <svg className="chart-patterns" aria-hidden="true" focusable="false">
      <defs>
        {PATTERNS.map((p) => (
          <pattern
            key={p.className}
            id={`${id}-${p.className}`}
            className={p.className}
            data-pattern={p.name}
            patternUnits="userSpaceOnUse"
            width="8"
            height="8"
          >
            <rect className="pattern-base" width="8" height="8" />
            {p.marks && <path className="pattern-marks" d={p.marks} />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

interface Segment {
  key: string;
  label: string;
  /** For the image's spoken summary. */
  short: string;
  /** Written in the segment beside its count (a cue besides colour and pattern, 1.4.1). */
  tag: string;
  count: number;
  className: string;
}

/** The bar's parts in the scale's order; "other" only where some goal has such a level. */
function segmentsOf(tally: GoalTally, withOther: boolean): Segment[] {
  return [
    ...tally.levels.map((l, i) => ({
      key: `level-${l.level}`,
      label: `${l.level}：${l.label}`,
      short: `段階${l.level}`,
      tag: String(l.level),
      count: l.count,
      className: `seg-${Math.min(i, 5)}`,
    })),
    ...(withOther
      ? [
          {
            key: "other",
            label: "評価基準にない段階",
            short: "評価基準にない段階",
            tag: "他",
            count: tally.otherLevels,
            className: "seg-other",
          },
        ]
      : []),
    {
      key: "none",
      label: "未評価",
      short: "未評価",
      tag: "未",
      count: tally.unevaluated,
      className: "seg-none",
    },
  ];
}

const NAME_W = 180;
const BAR_W = 600;
const ROW_H = 36;
const BAR_H = 24;

function summary(d: DashboardDepartment): string {
  const parts = segmentsOf(d, true)
    .filter((s) => s.count > 0)
    .map((s) => `${s.short}が${s.count}件`);
  return `${d.name}：目標${d.goals}件${parts.length > 0 ? `（${parts.join("、")}）` : ""}`;
}

export function LevelChart({ dashboard }: { dashboard: Dashboard }) {
  const rows = dashboard.departments;
  const max = Math.max(1, ...rows.map((d) => d.goals));
  const height = rows.length * ROW_H + 8;
  const withOther = dashboard.totals.otherLevels > 0;
  const legend = segmentsOf(dashboard.totals, withOther);
  const id = useId();
  const fill = (className: string) => `url(#${id}-${className})`;
  return (
    <>
      <Patterns id={id} />
      <ul className="chart-legend" aria-label="凡例">
        {legend.map((s) => (
          <li key={s.key}>
            <svg className="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" fill={fill(s.className)} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        className="level-chart"
        viewBox={`0 0 ${NAME_W + BAR_W + 40} ${height}`}
        role="img"
        aria-label={`部局別の自己評価の分布。${rows.map(summary).join("。")}`}
      >
        {rows.map((d, row) => {
          const y = row * ROW_H + 4;
          let x = NAME_W;
          return (
            <g key={d.manifestoId}>
              <text
                x={NAME_W - 8}
                y={y + BAR_H / 2}
                className="chart-name"
                textAnchor="end"
                dominantBaseline="central"
              >
                {d.name}
              </text>
              {segmentsOf(d, withOther).map((s) => {
                if (s.count === 0) return null;
                const w = (s.count / max) * BAR_W;
                const at = x;
                x += w;
                return (
                  <g key={s.key} className={s.className}>
                    <rect
                      className="segment"
                      x={at}
                      y={y}
                      width={w}
                      height={BAR_H}
                      fill={fill(s.className)}
                    />
                    {w >= 18 && (
                      <text
                        x={at + w / 2}
                        y={y + BAR_H / 2}
                        textAnchor="middle"
                        dominantBaseline="central"
                        className="seg-count"
                      >
                        {/* The level and its count where there is room (「4:3件」, 「未:2件」). */}
                        {w >= 14 * (s.tag.length + String(s.count).length + 2)
                          ? `${s.tag}:${s.count}件`
                          : s.count}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={x + 6} y={y + BAR_H / 2} dominantBaseline="central" className="chart-total">
                {d.goals}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="table-scroll">
        <table className="table level-table">
          <caption>部局別の自己評価の段階ごとの目標数</caption>
          <thead>
            <tr>
              <th scope="col">部局</th>
              {legend.map((s) => (
                <th key={s.key} scope="col" className="number">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="number">
                目標数
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.manifestoId}>
                <th scope="row">{d.name}</th>
                {segmentsOf(d, withOther).map((s) => (
                  <td key={s.key} className="number">
                    {s.count}
                  </td>
                ))}
                <td className="number">{d.goals}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合計</th>
              {legend.map((s) => (
                <td key={s.key} className="number">
                  {s.count}
                </td>
              ))}
              <td className="number">{dashboard.totals.goals}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
