// When a progress report is due and when it is late, and which goals' progress is out of date:
// pure, so the dashboard, the to-do list and reminders all give the same answer. Days are
// `YYYY-MM-DD` in Tokyo (deadlines.ts tokyoDate), which compare in calendar order as strings.
import type { ProgressSettings } from "./settings.ts";
import { isBehind } from "./settings.ts";

/** A report is "due" from this many days before its day; after the day it is late. */
export const DUE_WINDOW_DAYS = 30;
/** Progress older than this many days is out of date on the dashboard. */
export const STALE_AFTER_DAYS = 90;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day of `MM-DD` within a Japanese fiscal year (April to March). */
export function progressDueDate(fiscalYear: number, dueMonthDay: string): string {
  const month = Number(dueMonthDay.slice(0, 2));
  return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${dueMonthDay}`;
}

export interface ManifestoForProgress {
  manifestoId: number;
  departmentId: number;
  fiscalYear: number;
  /** The manifesto's workflow state. */
  state: string;
  /** States of the manifesto's progress reports (any order). */
  reportStates: readonly string[];
}

export interface ProgressDue {
  manifestoId: number;
  departmentId: number;
  dueDate: string;
  status: "due" | "late";
}

/**
 * The progress reports a department still owes: for each of its manifestos whose plan is
 * published and whose evaluation has not started (the year-end evaluation replaces the
 * mid-year report), with no report submitted or acknowledged, "due" within
 * DUE_WINDOW_DAYS before the due day and "late" after it. A to-do list reads this.
 */
export function progressReportsDue(
  departmentId: number,
  manifestos: readonly ManifestoForProgress[],
  settings: Pick<ProgressSettings, "dueMonthDay">,
  today: string,
): ProgressDue[] {
  const out: ProgressDue[] = [];
  for (const m of manifestos) {
    if (m.departmentId !== departmentId || m.state !== "published") continue;
    if (m.reportStates.some((s) => s === "submitted" || s === "acknowledged")) continue;
    const dueDate = progressDueDate(m.fiscalYear, settings.dueMonthDay);
    if (today > dueDate) out.push({ ...pick(m), dueDate, status: "late" });
    else if (today >= addDays(dueDate, -DUE_WINDOW_DAYS)) {
      out.push({ ...pick(m), dueDate, status: "due" });
    }
  }
  return out;
}

function pick(m: ManifestoForProgress) {
  return { manifestoId: m.manifestoId, departmentId: m.departmentId };
}

export interface GoalProgressMarks {
  /** No progress at all, or the latest is older than STALE_AFTER_DAYS. */
  stale: boolean;
  /** The latest status is a word the municipality counts as behind schedule. */
  behind: boolean;
}

export function goalProgressMarks(
  latest: { asOf: string; status?: string | undefined } | null,
  settings: ProgressSettings,
  today: string,
): GoalProgressMarks {
  if (latest === null) return { stale: true, behind: false };
  return {
    stale: latest.asOf < addDays(today, -STALE_AFTER_DAYS),
    behind: isBehind(settings, latest.status),
  };
}
