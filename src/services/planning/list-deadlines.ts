// The phase deadlines of a municipality's fiscal year: everyone of the municipality reads
// them (departments work to them); planning and administrators set them.
import { listDeadlines, listDepartmentDeadlines } from "../../db/repositories/deadlines.ts";
import { PHASES } from "../../domain/deadlines.ts";
import type { FiscalYearPermissions } from "../../domain/permissions.ts";
import type { Phase } from "../../domain/workflow.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityInScope } from "./year-in-scope.ts";

export interface PhaseDeadline {
  phase: Phase;
  /** `YYYY-MM-DD`, or null when none is set. */
  dueDate: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface YearDeadlines {
  municipalityCode: string;
  fiscalYear: number;
  deadlines: PhaseDeadline[];
  /** Departments' own deadlines, overriding the municipality's for them. */
  departmentDeadlines: { departmentId: number; phase: Phase; dueDate: string }[];
  allowed: FiscalYearPermissions;
}

export async function listYearDeadlines(
  ctx: StaffContext,
  input: { municipalityCode?: string | undefined; fiscalYear: number },
): Promise<YearDeadlines> {
  const { municipality, allowed } = await municipalityInScope(ctx, input.municipalityCode);
  const rows = await listDeadlines(ctx.db, municipality.code, input.fiscalYear);
  const own = await listDepartmentDeadlines(ctx.db, municipality.code, input.fiscalYear);
  return {
    municipalityCode: municipality.code,
    fiscalYear: input.fiscalYear,
    deadlines: PHASES.map((phase) => {
      const row = rows.find((r) => r.phase === phase);
      return {
        phase,
        dueDate: row?.dueDate ?? null,
        updatedAt: row?.updatedAt ?? null,
        updatedBy: row?.updatedBy ?? null,
      };
    }),
    departmentDeadlines: own.map((d) => ({
      departmentId: d.departmentId,
      phase: d.phase as Phase,
      dueDate: d.dueDate,
    })),
    allowed,
  };
}
