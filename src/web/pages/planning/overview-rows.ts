// The overview table's rows, filtered and sorted as the planning division asks: pure, so the
// rules are tested without a browser. The municipality's own order is the default.
import { MANIFESTO_STATES } from "../../../domain/workflow.ts";
import type { OverviewRow } from "../../api/planning-types.ts";

/** A state filter: a workflow state, "none" (no manifesto yet) or "" (any). */
export interface OverviewFilter {
  state: string;
  phase: "" | "plan" | "evaluation";
  warningsOnly: boolean;
}

export const NO_FILTER: OverviewFilter = { state: "", phase: "", warningsOnly: false };

export const SORT_KEYS = ["department", "phase", "state", "deadline", "lastChange", "warnings"];
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: "ascending" | "descending";
}

export function filterRows(rows: readonly OverviewRow[], f: OverviewFilter): OverviewRow[] {
  return rows.filter(
    (r) =>
      (f.state === "" || (f.state === "none" ? r.state === null : r.state === f.state)) &&
      (f.phase === "" || r.phase === f.phase) &&
      (!f.warningsOnly || (r.warnings ?? 0) > 0),
  );
}

const PHASE_ORDER = { plan: 0, evaluation: 1 } as const;

function stateRank(state: string | null): number {
  if (state === null) return -1;
  const i = (MANIFESTO_STATES as readonly string[]).indexOf(state);
  return i === -1 ? MANIFESTO_STATES.length : i;
}

type Key = number | string | null;

function keyOf(row: OverviewRow, index: number, key: SortKey): Key {
  switch (key) {
    case "phase":
      return row.phase === null ? null : PHASE_ORDER[row.phase];
    case "state":
      return stateRank(row.state);
    case "deadline":
      return row.deadline;
    case "lastChange":
      return row.lastChange?.at ?? null;
    case "warnings":
      return row.warnings;
    default:
      // The department column sorts by the municipality's order, which the server gives.
      return index;
  }
}

/**
 * Sorted by one column. Rows without a value (no deadline, no manifesto) go last in either
 * direction, and ties keep the municipality's order.
 */
export function sortRows(rows: readonly OverviewRow[], sort: Sort | null): OverviewRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (sort === null) return rows.slice();
  const sign = sort.direction === "ascending" ? 1 : -1;
  indexed.sort((a, b) => {
    const ka = keyOf(a.row, a.index, sort.key);
    const kb = keyOf(b.row, b.index, sort.key);
    if (ka === null || kb === null) {
      if (ka === kb) return a.index - b.index;
      return ka === null ? 1 : -1;
    }
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c === 0 ? a.index - b.index : c * sign;
  });
  return indexed.map((x) => x.row);
}

/** A click on a column header: ascending first, then descending, then ascending again. */
export function nextSort(current: Sort | null, key: SortKey): Sort {
  if (current?.key === key && current.direction === "ascending") {
    return { key, direction: "descending" };
  }
  return { key, direction: "ascending" };
}

/** The year has no manifesto at all (a year to open). */
export function yearIsEmpty(rows: readonly OverviewRow[]): boolean {
  return rows.every((r) => r.manifesto === null);
}
