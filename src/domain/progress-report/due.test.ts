import { describe, expect, it } from "vitest";
import { goalProgressMarks, progressDueDate, progressReportsDue } from "./due.ts";
import { DEFAULT_PROGRESS_SETTINGS, progressSettingsFrom } from "./settings.ts";

const m = (over: Partial<Parameters<typeof progressReportsDue>[1][number]> = {}) => ({
  manifestoId: 1,
  departmentId: 7,
  fiscalYear: 2023,
  state: "published",
  reportStates: [] as string[],
  ...over,
});

describe("progressReportsDue", () => {
  const settings = DEFAULT_PROGRESS_SETTINGS;

  it("is due within 30 days before the day and late after it", () => {
    expect(progressReportsDue(7, [m()], settings, "2023-09-30")).toEqual([]);
    expect(progressReportsDue(7, [m()], settings, "2023-10-01")).toEqual([
      { manifestoId: 1, departmentId: 7, dueDate: "2023-10-31", status: "due" },
    ]);
    expect(progressReportsDue(7, [m()], settings, "2023-10-31")[0]?.status).toBe("due");
    expect(progressReportsDue(7, [m()], settings, "2023-11-01")[0]?.status).toBe("late");
  });

  it("asks nothing once a report is sent, before the plan is published or after the evaluation opened", () => {
    for (const done of ["submitted", "acknowledged"]) {
      expect(
        progressReportsDue(7, [m({ reportStates: ["draft", done] })], settings, "2023-11-01"),
      ).toEqual([]);
    }
    expect(
      progressReportsDue(7, [m({ reportStates: ["draft"] })], settings, "2023-11-01"),
    ).toHaveLength(1);
    for (const state of ["draft", "approved", "evaluation_draft"]) {
      expect(progressReportsDue(7, [m({ state })], settings, "2023-11-01")).toEqual([]);
    }
  });

  it("answers for the department asked about only", () => {
    expect(progressReportsDue(8, [m()], settings, "2023-11-01")).toEqual([]);
  });

  it("places a January-to-March due day in the next calendar year", () => {
    expect(progressDueDate(2023, "10-31")).toBe("2023-10-31");
    expect(progressDueDate(2023, "01-15")).toBe("2024-01-15");
  });
});

describe("goalProgressMarks", () => {
  const settings = progressSettingsFrom({
    statuses: [
      { label: "順調", behind: false },
      { label: "強化要", behind: true },
    ],
    dueMonthDay: "11-30",
  });

  it("marks progress older than 90 days, or none, as out of date", () => {
    expect(goalProgressMarks(null, settings, "2023-10-01")).toEqual({ stale: true, behind: false });
    expect(goalProgressMarks({ asOf: "2023-07-03" }, settings, "2023-10-01").stale).toBe(false);
    expect(goalProgressMarks({ asOf: "2023-07-02" }, settings, "2023-10-01").stale).toBe(true);
  });

  it("marks the municipality's own words for behind schedule", () => {
    expect(
      goalProgressMarks({ asOf: "2023-09-30", status: "強化要" }, settings, "2023-10-01").behind,
    ).toBe(true);
    expect(
      goalProgressMarks({ asOf: "2023-09-30", status: "順調" }, settings, "2023-10-01").behind,
    ).toBe(false);
    expect(
      goalProgressMarks({ asOf: "2023-09-30", status: "やや遅れ" }, settings, "2023-10-01").behind,
    ).toBe(false);
  });

  it("falls back to the defaults for a setting it cannot read", () => {
    expect(progressSettingsFrom({ statuses: [] })).toEqual(DEFAULT_PROGRESS_SETTINGS);
  });
});
