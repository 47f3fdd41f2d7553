// The reminder calendar. A deadline is a day in the municipality's calendar (deadlines.ts);
// reminders go out at 9:00 in Tokyo, 7 days and 1 day before it and on the days after it
// while the department is late. Weekends and public holidays do not move a deadline: the day
// planning set is the day (a reminder may fall on a Saturday; it waits in the mailbox until
// Monday, which is what a paper memo would do too). Japan has no daylight saving, so 9:00 in
// Tokyo is always 00:00 UTC; the server's own zone (often UTC) plays no part.
import type { NotificationKind } from "./kinds.ts";

export const REMINDER_HOUR_TOKYO = 9;
const TOKYO_OFFSET_HOURS = 9;
const DAY_MS = 86_400_000;

/** Overdue reminders repeat weekly after the first one, not daily: a nag every day is noise. */
export const OVERDUE_REPEAT_DAYS = 7;

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The instant of 9:00 in Tokyo on a Tokyo calendar day. */
export function reminderInstant(day: string): Date {
  return new Date((dayNumber(day) * 24 + REMINDER_HOUR_TOKYO - TOKYO_OFFSET_HOURS) * 3_600_000);
}

function tokyoDay(at: Date): string {
  return new Date(at.getTime() + TOKYO_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The latest Tokyo day whose 9:00 has passed at `now`: the day whose reminders are due. A
 * server that was down at 9:00 sends that morning's reminders when it comes back.
 */
export function reminderDay(now: Date): string {
  const today = tokyoDay(now);
  return now >= reminderInstant(today) ? today : addDays(today, -1);
}

/** The next 9:00 in Tokyo strictly after `now`. */
export function nextReminderAt(now: Date): Date {
  const today = tokyoDay(now);
  const at = reminderInstant(today);
  return now < at ? at : reminderInstant(addDays(today, 1));
}

/** The reminder a deadline calls for on `day` (both `YYYY-MM-DD`), if any. */
export function deadlineReminder(
  dueDate: string,
  day: string,
): Extract<NotificationKind, "deadline_7d" | "deadline_1d" | "overdue"> | null {
  const left = daysBetween(day, dueDate);
  if (left === 7) return "deadline_7d";
  if (left === 1) return "deadline_1d";
  if (left < 0 && (-left - 1) % OVERDUE_REPEAT_DAYS === 0) return "overdue";
  return null;
}

/** Within the to-do list's horizon: due in 7 days or fewer, or past. */
export function isDueSoonOrPast(dueDate: string, today: string): boolean {
  return daysBetween(today, dueDate) <= 7;
}
