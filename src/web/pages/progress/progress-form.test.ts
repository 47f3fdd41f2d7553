import { describe, expect, it } from "vitest";
import { entriesFrom, rowsFrom } from "./progress-form.ts";

describe("the progress form's rows", () => {
  it("report only goals with a date, values typed in full-width digits read as numbers", () => {
    const rows = rowsFrom(
      [{ number: 1 }, { number: 2 }],
      [{ goal: 1, asOf: "2024-09-30", status: "順調", values: [{ target: 0, actual: 50 }] }],
    );
    expect(rows[1]).toEqual({ asOf: "2024-09-30", status: "順調", note: "", values: { 0: "50" } });
    rows[1] = { ...rows[1], note: "所見", values: { 0: "５２.５", 1: " " } } as (typeof rows)[1];
    expect(entriesFrom(rows)).toEqual([
      {
        goal: 1,
        asOf: "2024-09-30",
        status: "順調",
        note: "所見",
        values: [{ target: 0, actual: 52.5 }],
      },
    ]);
  });
});
