// The departments' own deadlines as planning's form shows them: one row per department with
// its own date per phase ("" for none: the municipality's applies), and which dates a save
// must send (an emptied one is sent as null, which clears it).
import type { Phase } from "../../api/planning-types.ts";

export const DEADLINE_PHASES: readonly Phase[] = ["plan", "evaluation"];

export type OwnDates = Record<Phase, string>;

export interface OwnDeadlineRow {
  department: { id: number; name: string };
  own: OwnDates;
}

export function ownDeadlineRows(
  departments: readonly { id: number; name: string }[],
  own: readonly { departmentId: number; phase: Phase; dueDate: string }[],
): OwnDeadlineRow[] {
  return departments.map((department) => {
    const dates: OwnDates = { plan: "", evaluation: "" };
    for (const d of own) if (d.departmentId === department.id) dates[d.phase] = d.dueDate;
    return { department, own: dates };
  });
}

/** The phases whose date was changed, with the value to send (null clears the own date). */
export function ownDeadlineChanges(
  saved: OwnDates,
  entered: OwnDates,
): { phase: Phase; dueDate: string | null }[] {
  return DEADLINE_PHASES.filter((p) => entered[p] !== saved[p]).map((phase) => ({
    phase,
    dueDate: entered[phase] === "" ? null : entered[phase],
  }));
}
