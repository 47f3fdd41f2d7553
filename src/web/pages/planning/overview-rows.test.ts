import { describe, expect, it } from "vitest";
import type { OverviewRow } from "../../api/planning-types.ts";
import { filterRows, NO_FILTER, nextSort, sortRows, yearIsEmpty } from "./overview-rows.ts";

const NOTHING = {
  read: true,
  edit: false,
  submit: false,
  approve: false,
  return: false,
  publish: false,
  evaluate: false,
  openEvaluation: false,
  correct: false,
  comment: false,
};

function row(
  id: number,
  name: string,
  over: Partial<OverviewRow> & { state?: string | null } = {},
): OverviewRow {
  const state = over.state === undefined ? "draft" : over.state;
  return {
    department: { id, code: null, name },
    manifesto: state === null ? null : { id: id * 10, revision: 1 },
    phase: state?.startsWith("evaluation") || state === "results_published" ? "evaluation" : "plan",
    state,
    stateLabel: null,
    deadline: null,
    overdue: false,
    lastChange:
      state === null ? null : { at: `2024-05-0${id}T00:00:00.000Z`, by: null, byName: null },
    warnings: state === null ? null : 0,
    notices: state === null ? null : 0,
    allowed: NOTHING,
    ...over,
  };
}

const rows = [
  row(1, "総務部", { state: "published", warnings: 2 }),
  row(2, "企画部", { state: "draft", warnings: 0, deadline: "2024-05-31", overdue: true }),
  row(3, "福祉部", { state: null }),
  row(4, "建設部", { state: "evaluation_draft", warnings: 5, deadline: "2025-04-30" }),
];
const names = (list: OverviewRow[]) => list.map((r) => r.department.name);

describe("filterRows", () => {
  it("keeps everything without a filter", () => {
    expect(names(filterRows(rows, NO_FILTER))).toEqual(["総務部", "企画部", "福祉部", "建設部"]);
  });
  it("filters by state, by 'no manifesto', by phase and by warnings", () => {
    expect(names(filterRows(rows, { ...NO_FILTER, state: "draft" }))).toEqual(["企画部"]);
    expect(names(filterRows(rows, { ...NO_FILTER, state: "none" }))).toEqual(["福祉部"]);
    expect(names(filterRows(rows, { ...NO_FILTER, phase: "evaluation" }))).toEqual(["建設部"]);
    expect(names(filterRows(rows, { ...NO_FILTER, warningsOnly: true }))).toEqual([
      "総務部",
      "建設部",
    ]);
    expect(
      names(filterRows(rows, { state: "published", phase: "plan", warningsOnly: true })),
    ).toEqual(["総務部"]);
  });
});

describe("sortRows", () => {
  it("keeps the municipality's order without a sort, and for the department column", () => {
    expect(names(sortRows(rows, null))).toEqual(["総務部", "企画部", "福祉部", "建設部"]);
    expect(names(sortRows(rows, { key: "department", direction: "descending" }))).toEqual([
      "建設部",
      "福祉部",
      "企画部",
      "総務部",
    ]);
  });
  it("sorts warnings both ways, rows without a count last either way", () => {
    expect(names(sortRows(rows, { key: "warnings", direction: "descending" }))).toEqual([
      "建設部",
      "総務部",
      "企画部",
      "福祉部",
    ]);
    expect(names(sortRows(rows, { key: "warnings", direction: "ascending" }))).toEqual([
      "企画部",
      "総務部",
      "建設部",
      "福祉部",
    ]);
  });
  it("sorts states in workflow order, no manifesto first", () => {
    expect(names(sortRows(rows, { key: "state", direction: "ascending" }))).toEqual([
      "福祉部",
      "企画部",
      "総務部",
      "建設部",
    ]);
  });
  it("sorts deadlines as dates, rows without one last", () => {
    expect(names(sortRows(rows, { key: "deadline", direction: "descending" }))).toEqual([
      "建設部",
      "企画部",
      "総務部",
      "福祉部",
    ]);
  });
  it("does not change the rows it was given", () => {
    const before = names(rows);
    sortRows(rows, { key: "warnings", direction: "descending" });
    expect(names(rows)).toEqual(before);
  });
});

describe("nextSort", () => {
  it("goes ascending, then descending, and starts ascending on a new column", () => {
    const first = nextSort(null, "warnings");
    expect(first).toEqual({ key: "warnings", direction: "ascending" });
    const second = nextSort(first, "warnings");
    expect(second).toEqual({ key: "warnings", direction: "descending" });
    expect(nextSort(second, "warnings").direction).toBe("ascending");
    expect(nextSort(second, "state")).toEqual({ key: "state", direction: "ascending" });
  });
});

describe("yearIsEmpty", () => {
  it("is empty when no department has a manifesto", () => {
    expect(yearIsEmpty([])).toBe(true);
    expect(yearIsEmpty([row(1, "総務部", { state: null })])).toBe(true);
    expect(yearIsEmpty(rows)).toBe(false);
  });
});
