// The progress form's state: one row per goal, text as typed, turned into the API's entries
// (a goal without a date is not reported). Pure, so it is the same in tests.
import type { ProgressEntry } from "../../../domain/progress-report/report.ts";

export interface GoalRow {
  asOf: string;
  status: string;
  note: string;
  /** Typed value per target index. */
  values: Record<number, string>;
}

export function rowsFrom(goals: readonly { number: number }[], entries: readonly ProgressEntry[]) {
  const rows: Record<number, GoalRow> = {};
  for (const g of goals) {
    const e = entries.find((x) => x.goal === g.number);
    rows[g.number] = {
      asOf: e?.asOf ?? "",
      status: e?.status ?? "",
      note: e?.note ?? "",
      values: Object.fromEntries((e?.values ?? []).map((v) => [v.target, String(v.actual)])),
    };
  }
  return rows;
}

export function entriesFrom(rows: Record<number, GoalRow>): unknown[] {
  return Object.entries(rows)
    .filter(([, r]) => r.asOf !== "")
    .map(([goal, r]) => {
      const values = Object.entries(r.values)
        .filter(([, v]) => v.trim() !== "")
        .map(([target, v]) => ({ target: Number(target), actual: Number(v.normalize("NFKC")) }));
      return {
        goal: Number(goal),
        asOf: r.asOf,
        ...(r.status !== "" && { status: r.status }),
        ...(r.note.trim() !== "" && { note: r.note }),
        ...(values.length > 0 && { values }),
      };
    });
}
