// The overview's table of departments: filters above it, sortable column headers (a button
// in each header, the order said by aria-sort), and a link to each manifesto.
import { useId, useState } from "react";
import { Link } from "react-router";
import { PHASE_LABELS } from "../../../domain/deadlines.ts";
import { isManifestoState, MANIFESTO_STATES, STATE_LABELS } from "../../../domain/workflow.ts";
import type { OverviewRow } from "../../api/planning-types.ts";
import { StateBadge } from "../../components/state-badge.tsx";
import { actorText, formatDateTime, formatDay } from "./format.ts";
import {
  filterRows,
  NO_FILTER,
  nextSort,
  type OverviewFilter,
  type Sort,
  type SortKey,
  sortRows,
} from "./overview-rows.ts";

const COLUMNS: { key: SortKey; label: string; number?: boolean }[] = [
  { key: "department", label: "部局" },
  { key: "phase", label: "段階" },
  { key: "state", label: "状態" },
  { key: "deadline", label: "提出期限" },
  { key: "lastChange", label: "最終更新" },
  { key: "warnings", label: "警告", number: true },
];

function stateLabel(state: string): string {
  return isManifestoState(state) ? STATE_LABELS[state] : state;
}

function Filters({
  rows,
  filter,
  onChange,
}: {
  rows: readonly OverviewRow[];
  filter: OverviewFilter;
  onChange(f: OverviewFilter): void;
}) {
  const id = useId();
  const present = new Set(rows.map((r) => r.state));
  const states = MANIFESTO_STATES.filter((s) => present.has(s));
  const unknown = [...present].filter((s): s is string => s !== null && !isManifestoState(s));
  return (
    <fieldset className="filters">
      <legend>絞り込み</legend>
      <div>
        <label htmlFor={`${id}-state`}>状態</label>
        <select
          id={`${id}-state`}
          value={filter.state}
          onChange={(e) => onChange({ ...filter, state: e.target.value })}
        >
          <option value="">すべて</option>
          {present.has(null) && <option value="none">未作成</option>}
          {[...states, ...unknown].map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-phase`}>段階</label>
        <select
          id={`${id}-phase`}
          value={filter.phase}
          onChange={(e) =>
            onChange({ ...filter, phase: e.target.value as OverviewFilter["phase"] })
          }
        >
          <option value="">すべて</option>
          <option value="plan">{PHASE_LABELS.plan}</option>
          <option value="evaluation">{PHASE_LABELS.evaluation}</option>
        </select>
      </div>
      <div className="filter-check">
        <input
          id={`${id}-warnings`}
          type="checkbox"
          checked={filter.warningsOnly}
          onChange={(e) => onChange({ ...filter, warningsOnly: e.target.checked })}
        />
        <label htmlFor={`${id}-warnings`}>警告がある部局だけ</label>
      </div>
    </fieldset>
  );
}

function Row({ row }: { row: OverviewRow }) {
  const who = row.lastChange && actorText(row.lastChange.by, row.lastChange.byName);
  return (
    <tr className={row.overdue ? "row-overdue" : undefined}>
      <th scope="row">
        {row.manifesto ? (
          <Link to={`/manifestos/${row.manifesto.id}`}>{row.department.name}</Link>
        ) : (
          row.department.name
        )}
      </th>
      <td>{row.phase ? PHASE_LABELS[row.phase] : "—"}</td>
      <td>
        {row.state === null ? (
          <span className="badge badge-missing">未作成</span>
        ) : (
          <StateBadge state={row.state} />
        )}
      </td>
      <td>
        {row.deadline ? formatDay(row.deadline) : <span className="muted">未設定</span>}
        {row.ownDeadline && <span className="muted">（部局の期限）</span>}
        {row.overdue && (
          <>
            {" "}
            <span className="badge badge-overdue">期限超過</span>
          </>
        )}
      </td>
      <td>
        {row.lastChange ? (
          <>
            {formatDateTime(row.lastChange.at)}
            {who && <span className="by">{who}</span>}
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="number">
        {row.warnings === null ? (
          "—"
        ) : row.warnings > 0 ? (
          <strong className="warning-count">{row.warnings}件</strong>
        ) : (
          "0件"
        )}
      </td>
    </tr>
  );
}

export function OverviewTable({
  rows,
  caption,
}: {
  rows: readonly OverviewRow[];
  caption: string;
}) {
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort | null>(null);
  const shown = sortRows(filterRows(rows, filter), sort);
  const filtered = shown.length !== rows.length;
  return (
    <>
      <Filters rows={rows} filter={filter} onChange={setFilter} />
      <p className="result-count" aria-live="polite">
        {filtered ? `${rows.length}部局中 ${shown.length}部局を表示` : `${rows.length}部局`}
        {filtered && (
          <>
            {" "}
            <button type="button" className="button-link" onClick={() => setFilter(NO_FILTER)}>
              絞り込みを解除
            </button>
          </>
        )}
      </p>
      <div className="table-scroll">
        <table className="table overview-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.number ? "number" : undefined}
                  aria-sort={sort?.key === c.key ? sort.direction : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort(nextSort(sort, c.key))}
                  >
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort?.key === c.key ? (sort.direction === "ascending" ? "▲" : "▼") : "⇅"}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row key={row.department.id} row={row} />
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className="empty">
                  条件に合う部局はありません。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
