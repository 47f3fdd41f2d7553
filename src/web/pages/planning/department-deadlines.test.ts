import { describe, expect, it } from "vitest";
import { ownDeadlineChanges, ownDeadlineRows } from "./department-deadlines.ts";

describe("ownDeadlineRows", () => {
  it("gives every department a row, with its own dates and none for the rest", () => {
    const rows = ownDeadlineRows(
      [
        { id: 1, name: "企画部" },
        { id: 2, name: "福祉部" },
      ],
      [
        { departmentId: 2, phase: "plan", dueDate: "2024-05-31" },
        { departmentId: 2, phase: "evaluation", dueDate: "2025-06-30" },
        { departmentId: 9, phase: "plan", dueDate: "2024-04-01" },
      ],
    );
    expect(rows).toEqual([
      { department: { id: 1, name: "企画部" }, own: { plan: "", evaluation: "" } },
      {
        department: { id: 2, name: "福祉部" },
        own: { plan: "2024-05-31", evaluation: "2025-06-30" },
      },
    ]);
  });
});

describe("ownDeadlineChanges", () => {
  it("sends only changed dates, an emptied one as null (cleared)", () => {
    expect(
      ownDeadlineChanges(
        { plan: "2024-05-31", evaluation: "" },
        { plan: "", evaluation: "2025-06-30" },
      ),
    ).toEqual([
      { phase: "plan", dueDate: null },
      { phase: "evaluation", dueDate: "2025-06-30" },
    ]);
    expect(ownDeadlineChanges({ plan: "", evaluation: "" }, { plan: "", evaluation: "" })).toEqual(
      [],
    );
  });
});
