import { describe, expect, it } from "vitest";
import { isOverdue, phaseOfState, tokyoDate } from "./deadlines.ts";

describe("tokyoDate", () => {
  it("is the day in Tokyo, not in UTC", () => {
    expect(tokyoDate(new Date("2024-03-31T14:59:59Z"))).toBe("2024-03-31");
    expect(tokyoDate(new Date("2024-03-31T15:00:00Z"))).toBe("2024-04-01");
  });
});

describe("phaseOfState", () => {
  it.each([
    [null, "plan"],
    ["draft", "plan"],
    ["published", "plan"],
    ["evaluation_draft", "evaluation"],
    ["results_published", "evaluation"],
    ["some_future_state", null],
  ])("%s → %s", (state, phase) => expect(phaseOfState(state)).toBe(phase));
});

describe("isOverdue", () => {
  it.each([
    // state, due, today, overdue
    ["draft", "2024-05-31", "2024-05-31", false], // the due day itself is still in time
    ["draft", "2024-05-31", "2024-06-01", true],
    [null, "2024-05-31", "2024-06-01", true], // no manifesto at all
    ["evaluation_draft", "2025-04-30", "2025-05-01", true],
    ["submitted", "2024-05-31", "2024-06-01", false],
    ["published", "2024-05-31", "2024-06-01", false],
    ["draft", null, "2030-01-01", false], // no deadline set
    ["some_future_state", "2024-05-31", "2024-06-01", false],
  ] as const)("%s due %s on %s → %s", (state, due, today, overdue) =>
    expect(isOverdue(state, due, today)).toBe(overdue),
  );
});
