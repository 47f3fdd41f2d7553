import { describe, expect, it } from "vitest";
import {
  deadlineReminder,
  isDueSoonOrPast,
  nextReminderAt,
  reminderDay,
  reminderInstant,
} from "./calendar.ts";

describe("the reminder calendar", () => {
  it("sends at 9:00 in Tokyo, which is midnight UTC whatever zone the server runs in", () => {
    expect(reminderInstant("2026-06-10").toISOString()).toBe("2026-06-10T00:00:00.000Z");
  });

  it("before 9:00 Tokyo the due reminders are yesterday's; from 9:00 today's", () => {
    // 08:59 JST on 10 June = 23:59 UTC on 9 June
    expect(reminderDay(new Date("2026-06-09T23:59:00Z"))).toBe("2026-06-09");
    expect(reminderDay(new Date("2026-06-10T00:00:00Z"))).toBe("2026-06-10");
    // 23:30 JST on 10 June is 14:30 UTC: still the 10th in Tokyo
    expect(reminderDay(new Date("2026-06-10T14:30:00Z"))).toBe("2026-06-10");
    // 00:30 JST on 11 June is 15:30 UTC on the 10th: the 11th's 9:00 has not come yet
    expect(reminderDay(new Date("2026-06-10T15:30:00Z"))).toBe("2026-06-10");
  });

  it("the next run is the next 9:00 in Tokyo", () => {
    expect(nextReminderAt(new Date("2026-06-09T23:59:00Z")).toISOString()).toBe(
      "2026-06-10T00:00:00.000Z",
    );
    expect(nextReminderAt(new Date("2026-06-10T00:00:00Z")).toISOString()).toBe(
      "2026-06-11T00:00:00.000Z",
    );
    // across the year end and a leap day
    expect(nextReminderAt(new Date("2027-12-31T12:00:00Z")).toISOString()).toBe(
      "2028-01-01T00:00:00.000Z",
    );
    expect(nextReminderAt(new Date("2028-02-28T01:00:00Z")).toISOString()).toBe(
      "2028-02-29T00:00:00.000Z",
    );
  });

  it("7 days and 1 day before the deadline, counted in calendar days", () => {
    expect(deadlineReminder("2026-06-15", "2026-06-08")).toBe("deadline_7d");
    expect(deadlineReminder("2026-06-15", "2026-06-14")).toBe("deadline_1d");
    expect(deadlineReminder("2026-06-15", "2026-06-15")).toBeNull();
    expect(deadlineReminder("2026-06-15", "2026-06-10")).toBeNull();
  });

  it("a weekend or holiday deadline is not moved to the next working day", () => {
    // Saturday 2026-05-02 and Children's Day (Tuesday 2026-05-05, Golden Week)
    expect(deadlineReminder("2026-05-02", "2026-05-01")).toBe("deadline_1d");
    expect(deadlineReminder("2026-05-05", "2026-05-04")).toBe("deadline_1d");
    expect(deadlineReminder("2026-05-05", "2026-04-28")).toBe("deadline_7d");
    // the day after a Sunday deadline is already late, Monday or not
    expect(deadlineReminder("2026-05-03", "2026-05-04")).toBe("overdue");
  });

  it("overdue the day after, then once a week", () => {
    expect(deadlineReminder("2026-06-15", "2026-06-16")).toBe("overdue");
    expect(deadlineReminder("2026-06-15", "2026-06-17")).toBeNull();
    expect(deadlineReminder("2026-06-15", "2026-06-23")).toBe("overdue");
  });

  it("the to-do list shows deadlines within 7 days and past ones", () => {
    expect(isDueSoonOrPast("2026-06-15", "2026-06-08")).toBe(true);
    expect(isDueSoonOrPast("2026-06-15", "2026-06-07")).toBe(false);
    expect(isDueSoonOrPast("2026-06-15", "2026-07-01")).toBe(true);
  });
});
