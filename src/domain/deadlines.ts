// Phase deadlines (PRODUCT.md "Fiscal year — has phase deadlines"): planning sets, per
// municipality and fiscal year, the day by which departments submit the plan and the day by
// which they submit the year-end evaluation. A department is late while its manifesto is
// still a draft of the phase (or not there at all) after that day, in Tokyo.
import { DRAFT_STATES, isManifestoState, type Phase, phaseOf } from "./workflow.ts";

export const PHASES = ["plan", "evaluation"] as const satisfies readonly Phase[];

export const PHASE_LABELS: Record<Phase, string> = {
  plan: "計画",
  evaluation: "評価",
};

const tokyoDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day an instant falls on in Tokyo, `YYYY-MM-DD`. */
export function tokyoDate(at: Date): string {
  return tokyoDay.format(at);
}

/** The phase a manifesto is in; a department without one this year has its plan to write. */
export function phaseOfState(state: string | null): Phase | null {
  if (state === null) return "plan";
  return isManifestoState(state) ? phaseOf(state) : null;
}

/**
 * Past the due day and not yet submitted in the phase. `dueDate` and `today` are
 * `YYYY-MM-DD`, which compare in calendar order as strings.
 */
export function isOverdue(state: string | null, dueDate: string | null, today: string): boolean {
  if (dueDate === null || today <= dueDate) return false;
  if (state === null) return true;
  return isManifestoState(state) && DRAFT_STATES.includes(state);
}

/**
 * Whether the department still has the phase's submission to make: nothing written yet, or
 * the phase (or, for the evaluation, anything before it) still being drafted.
 */
export function awaitsSubmission(state: string | null, phase: Phase): boolean {
  if (state === null) return true;
  if (!isManifestoState(state)) return false;
  if (phase === "plan") return state === "draft";
  return phaseOf(state) === "plan" || state === "evaluation_draft";
}
