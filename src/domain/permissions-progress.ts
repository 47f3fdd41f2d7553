// The mid-year progress report of a manifesto: who may read it, write it, send it and
// acknowledge it. The department's own editors (and its head) write and submit; the planning
// division (and the municipality's administrator, the other steward of the cycle as in
// workflow.ts) acknowledges or returns it; everyone else is refused. Callers load only
// reports in the user's scope; this answers all-false outside it all the same.
import type { ProgressState } from "./progress-report/report.ts";
import {
  inScope,
  isDepartmentRole,
  isInstallationAdmin,
  type StaffUser,
  scopeOf,
} from "./roles.ts";

export interface ProgressReportPermissions {
  read: boolean;
  /** Start a report, save its entries, import the 中間報告 sheet: drafts only. */
  edit: boolean;
  submit: boolean;
  /** 確認: planning accepts the submitted report; it is then public. */
  acknowledge: boolean;
  /** 差戻し: back to the department's draft. */
  return: boolean;
  comment: boolean;
}

const NOTHING: ProgressReportPermissions = {
  read: false,
  edit: false,
  submit: false,
  acknowledge: false,
  return: false,
  comment: false,
};

export function progressReportPermissions(
  user: StaffUser,
  target: {
    municipalityCode: string;
    departmentId: number;
    /** The open or latest report's state; null before the department starts one. */
    state: ProgressState | null;
  },
): ProgressReportPermissions {
  if (!inScope(scopeOf(user), target)) return NOTHING;
  const writer = isDepartmentRole(user.role) && user.departmentId === target.departmentId;
  const steward = !isInstallationAdmin(user) && (user.role === "planning" || user.role === "admin");
  const open = target.state === null || target.state === "acknowledged" || target.state === "draft";
  return {
    read: true,
    edit: writer && open,
    submit: writer && target.state === "draft",
    acknowledge: steward && target.state === "submitted",
    return: steward && target.state === "submitted",
    comment: writer || steward,
  };
}
